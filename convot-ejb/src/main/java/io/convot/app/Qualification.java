package io.convot.app;

import io.convot.common.Emails;
import io.convot.common.FieldError;
import io.convot.common.JsonText;
import io.convot.common.Validation;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An app's pre-chat qualification: ordered questions the widget asks before the first message, and
 * the rule for answers that do not qualify. A select question qualifies when its answer is one of
 * its {@code qualifying_options} (a multi-select: when one of them is chosen), a number when it lies
 * within {@code qualifying_min}..{@code qualifying_max}; questions without such a criterion always
 * qualify. Unqualified answers either start the chat all the same ({@code start_chat}), or show the
 * rule's message ({@code show_message}) or the calendar link ({@code show_calendar}) instead.
 *
 * <p>The server checks answers itself ({@link #checkAnswers}): a widget is not the only client.
 */
public record Qualification(List<Question> questions, Rule rule) {

  public static final List<String> TYPES = List.of("text", "number", "select", "multi_select", "email", "phone");
  public static final List<String> OUTCOMES = List.of("start_chat", "show_message", "show_calendar");
  public static final int MAX_QUESTIONS = 10;
  public static final int MAX_OPTIONS = 20;
  public static final int MAX_TEXT_ANSWER = 1000;
  private static final Pattern ID = Pattern.compile("^[a-z0-9_]{1,40}$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]{5,30}$");

  public static final Qualification NONE = new Qualification(List.of(), new Rule("start_chat", null));

  /** One question; {@code options} and {@code qualifyingOptions} for the selects, the bounds for numbers. */
  public record Question(String id, String label, String type, boolean required, List<String> options,
      BigDecimal min, BigDecimal max, List<String> qualifyingOptions, BigDecimal qualifyingMin, BigDecimal qualifyingMax) {

    boolean isSelect() {
      return type.equals("select") || type.equals("multi_select");
    }
  }

  /** What unqualified answers lead to, and the text shown then. */
  public record Rule(String whenUnqualified, String message) {}

  /** Reads and checks {@code qualification_questions}, reporting under that name. */
  public static List<Question> parseQuestions(JsonArray json, Validation validation) {
    String field = "qualification_questions";
    validation.require(json.size() <= MAX_QUESTIONS, field, "too_many", "at most " + MAX_QUESTIONS + " questions");
    List<Question> questions = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < json.size(); i++) {
      String at = field + "[" + i + "]";
      if (!(json.get(i) instanceof JsonObject q)) {
        validation.add(new FieldError(at, "wrong_type", at + " must be an object"));
        continue;
      }
      Question question = question(q, at, validation);
      if (question != null) {
        validation.require(ids.add(question.id()), at + ".id", "duplicate", "two questions have the id " + question.id());
        questions.add(question);
      }
    }
    return questions;
  }

  private static Question question(JsonObject q, String at, Validation validation) {
    int before = validation.size();
    for (String key : q.keySet()) {
      validation.require(Set.of("id", "label", "type", "required", "options", "min", "max", "qualifying_options", "qualifying_min",
          "qualifying_max").contains(key), at + "." + key, "unknown_field", at + "." + key + " is not a field of a question");
    }
    String id = string(q, "id");
    validation.require(id != null && ID.matcher(id).matches(), at + ".id", "invalid_id",
        "an id of 1 to 40 lowercase letters, digits or _ (it names the answer)");
    String label = string(q, "label");
    validation.require(label != null && !label.isBlank() && label.length() <= 200, at + ".label", "invalid_label",
        "the question as the visitor reads it, 1 to 200 characters");
    String type = string(q, "type");
    validation.require(type != null && TYPES.contains(type), at + ".type", "invalid_value", "one of " + String.join(", ", TYPES));
    JsonValue required = q.get("required");
    validation.require(required == null || required == JsonValue.TRUE || required == JsonValue.FALSE, at + ".required",
        "wrong_type", "true or false");
    List<String> options = strings(q.get("options"), at + ".options", validation);
    List<String> qualifying = strings(q.get("qualifying_options"), at + ".qualifying_options", validation);
    BigDecimal min = number(q.get("min"), at + ".min", validation);
    BigDecimal max = number(q.get("max"), at + ".max", validation);
    BigDecimal qualifyingMin = number(q.get("qualifying_min"), at + ".qualifying_min", validation);
    BigDecimal qualifyingMax = number(q.get("qualifying_max"), at + ".qualifying_max", validation);
    boolean select = "select".equals(type) || "multi_select".equals(type);
    if (select) {
      validation.require(!options.isEmpty() && options.size() <= MAX_OPTIONS, at + ".options", "invalid_options",
          "a select has 1 to " + MAX_OPTIONS + " options");
      validation.require(new HashSet<>(options).size() == options.size(), at + ".options", "duplicate", "options are distinct");
      options.forEach(option -> validation.require(!option.isBlank() && option.length() <= 100, at + ".options", "invalid_options",
          "each option is 1 to 100 characters"));
      validation.require(options.containsAll(qualifying), at + ".qualifying_options", "unknown_option",
          "qualifying options are among the options");
    } else {
      validation.require(q.get("options") == null && q.get("qualifying_options") == null, at + ".options", "not_allowed",
          "only select and multi_select questions have options");
    }
    if (!"number".equals(type)) {
      validation.require(min == null && max == null && qualifyingMin == null && qualifyingMax == null, at + ".min", "not_allowed",
          "only number questions have bounds");
    } else {
      validation.require(min == null || max == null || min.compareTo(max) <= 0, at + ".max", "out_of_range", "max is not below min");
    }
    if (validation.size() > before) {
      return null;
    }
    return new Question(id, label.trim(), type, required == JsonValue.TRUE, options, min, max, qualifying, qualifyingMin, qualifyingMax);
  }

  /** Reads and checks {@code qualification_rule}. */
  public static Rule parseRule(JsonObject json, Validation validation) {
    String field = "qualification_rule";
    json.keySet().forEach(key -> validation.require(Set.of("when_unqualified", "message").contains(key), field + "." + key,
        "unknown_field", field + "." + key + " is not a field of the rule"));
    String outcome = string(json, "when_unqualified");
    validation.require(outcome != null && OUTCOMES.contains(outcome), field + ".when_unqualified", "invalid_value",
        "one of " + String.join(", ", OUTCOMES));
    String message = string(json, "message");
    validation.require(json.get("message") == null || json.get("message") == JsonValue.NULL
        || (message != null && message.length() <= 500), field + ".message", "invalid_message", "a text of at most 500 characters");
    return new Rule(outcome == null ? "start_chat" : outcome, message == null || message.isBlank() ? null : message.trim());
  }

  /**
   * Checks a visitor's answers against the questions: every required question answered, every
   * answer of its question's type, numbers within bounds, options among the question's. Returns
   * the answers to store, in the questions' order, each with the question's label as asked.
   */
  public JsonArray checkAnswers(JsonObject answers, Validation validation) {
    String field = "qualification_answers";
    JsonObject given = answers == null ? JsonValue.EMPTY_JSON_OBJECT : answers;
    given.keySet().forEach(id -> validation.require(questions.stream().anyMatch(q -> q.id().equals(id)), field + "." + id,
        "unknown_question", id + " is not a question of this app"));
    JsonArrayBuilder stored = Json.createArrayBuilder();
    for (Question question : questions) {
      String at = field + "." + question.id();
      JsonValue answer = given.get(question.id());
      if (answer == null || answer == JsonValue.NULL || (answer instanceof JsonString s && s.getString().isBlank())
          || (answer instanceof JsonArray list && list.isEmpty())) {
        validation.require(!question.required(), at, "required", question.label() + ": an answer is required");
        continue;
      }
      JsonValue value = answer(question, answer, at, validation);
      if (value != null) {
        stored.add(Json.createObjectBuilder().add("id", question.id()).add("label", question.label()).add("type", question.type())
            .add("value", value));
      }
    }
    return stored.build();
  }

  private static JsonValue answer(Question question, JsonValue answer, String at, Validation validation) {
    int before = validation.size();
    JsonValue value = answer;
    switch (question.type()) {
      case "number" -> {
        if (!(answer instanceof JsonNumber number)) {
          validation.add(new FieldError(at, "wrong_type", at + " must be a number"));
        } else {
          BigDecimal n = number.bigDecimalValue();
          validation.require((question.min() == null || n.compareTo(question.min()) >= 0)
              && (question.max() == null || n.compareTo(question.max()) <= 0), at, "out_of_range",
              at + " must be" + (question.min() == null ? "" : " at least " + question.min().toPlainString())
                  + (question.min() != null && question.max() != null ? " and" : "")
                  + (question.max() == null ? "" : " at most " + question.max().toPlainString()));
        }
      }
      case "select" -> validation.require(answer instanceof JsonString s && question.options().contains(s.getString()), at,
          "unknown_option", at + " must be one of the question's options");
      case "multi_select" -> {
        if (!(answer instanceof JsonArray list) || !list.stream().allMatch(item -> item instanceof JsonString)) {
          validation.add(new FieldError(at, "wrong_type", at + " must be an array of the question's options"));
        } else {
          List<String> chosen = list.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
          validation.require(question.options().containsAll(chosen), at, "unknown_option", at + " must list only the question's options");
          validation.require(new HashSet<>(chosen).size() == chosen.size(), at, "duplicate", at + " lists an option twice");
        }
      }
      case "email" -> {
        if (!(answer instanceof JsonString s) || !Emails.isValid(s.getString().trim())) {
          validation.add(new FieldError(at, "invalid_email", at + " is not an email address"));
        } else {
          value = Json.createValue(s.getString().trim());
        }
      }
      case "phone" -> validation.require(answer instanceof JsonString s && PHONE.matcher(s.getString().trim()).matches(), at,
          "invalid_phone", at + " is a phone number such as +33 6 12 34 56 78");
      default -> {
        if (!(answer instanceof JsonString s)) {
          validation.add(new FieldError(at, "wrong_type", at + " must be a text"));
        } else {
          validation.require(s.getString().length() <= MAX_TEXT_ANSWER, at, "too_long", at + " must be at most " + MAX_TEXT_ANSWER
              + " characters");
          value = Json.createValue(s.getString().trim());
        }
      }
    }
    return validation.size() == before ? value : null;
  }

  public boolean isEmpty() {
    return questions.isEmpty();
  }

  public JsonArray questionsJson() {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (Question q : questions) {
      JsonObjectBuilder json = Json.createObjectBuilder().add("id", q.id()).add("label", q.label()).add("type", q.type())
          .add("required", q.required());
      if (q.isSelect()) {
        json.add("options", Json.createArrayBuilder(q.options())).add("qualifying_options", Json.createArrayBuilder(q.qualifyingOptions()));
      }
      if (q.type().equals("number")) {
        addNumber(json, "min", q.min());
        addNumber(json, "max", q.max());
        addNumber(json, "qualifying_min", q.qualifyingMin());
        addNumber(json, "qualifying_max", q.qualifyingMax());
      }
      list.add(json);
    }
    return list.build();
  }

  public JsonObject ruleJson() {
    return Json.createObjectBuilder().add("when_unqualified", rule.whenUnqualified())
        .add("message", rule.message() == null ? JsonValue.NULL : Json.createValue(rule.message())).build();
  }

  private static void addNumber(JsonObjectBuilder json, String key, BigDecimal value) {
    if (value == null) {
      json.add(key, JsonValue.NULL);
    } else {
      json.add(key, value);
    }
  }

  String stored() {
    return Json.createObjectBuilder().add("questions", questionsJson()).add("rule", ruleJson()).build().toString();
  }

  static Qualification fromStored(String stored) {
    if (stored == null) {
      return NONE;
    }
    JsonObject json = JsonText.readObject(stored);
    Validation ignored = new Validation();
    return new Qualification(parseQuestions(json.getJsonArray("questions"), ignored), parseRule(json.getJsonObject("rule"), ignored));
  }

  private static String string(JsonObject json, String key) {
    return json.get(key) instanceof JsonString s ? s.getString() : null;
  }

  private static List<String> strings(JsonValue value, String field, Validation validation) {
    if (value == null || value == JsonValue.NULL) {
      return List.of();
    }
    if (!(value instanceof JsonArray list) || !list.stream().allMatch(item -> item instanceof JsonString)) {
      validation.add(new FieldError(field, "wrong_type", field + " must be an array of texts"));
      return List.of();
    }
    return list.getValuesAs(JsonString.class).stream().map(s -> s.getString().trim()).toList();
  }

  private static BigDecimal number(JsonValue value, String field, Validation validation) {
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonNumber n)) {
      validation.add(new FieldError(field, "wrong_type", field + " must be a number"));
      return null;
    }
    return n.bigDecimalValue();
  }
}
