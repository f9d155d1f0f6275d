package io.convot.imports;

import io.convot.common.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** A Crisp people profile, as far as a contact keeps it. */
record CrispPerson(String peopleId, String email, String nickname, String phone, String avatar, String company,
    List<String> segments, long createdAt) {

  static CrispPerson of(JsonObject json) {
    JsonObject person = CrispJson.object(json, "person");
    return new CrispPerson(CrispJson.text(json, "people_id"), CrispJson.text(json, "email"), CrispJson.text(person, "nickname"),
        CrispJson.text(person, "phone"), CrispJson.text(person, "avatar"), company(CrispJson.object(json, "company")),
        CrispJson.texts(json, "segments"), CrispJson.number(json, "created_at"));
  }

  /** The company as a contact keeps it ({@code name, url, description}), or null. */
  private static String company(JsonObject company) {
    if (company == null) {
      return null;
    }
    JsonObjectBuilder kept = JsonText.JSON.createObjectBuilder();
    for (String name : List.of("name", "url", "description")) {
      String value = CrispJson.cut(CrispJson.text(company, name), 500);
      if (value != null) {
        kept.add(name, value);
      }
    }
    JsonObject built = kept.build();
    return built.isEmpty() ? null : built.toString();
  }

  String sourceKey() {
    return "crisp:people:" + peopleId;
  }
}
