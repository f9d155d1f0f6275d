package io.convot.shopify;

import io.convot.common.Validation;
import java.util.regex.Pattern;

/** {@code PUT /integrations/shopify}: the Partner organization's id and a Partner API client's token. */
public record ConnectRequest(String partnerOrganizationId, String accessToken) {

  private static final Pattern PARTNER_ORGANIZATION_ID = Pattern.compile("[0-9]{1,20}");
  private static final int LONGEST_TOKEN = 500;

  void check() {
    Validation validation = new Validation();
    validation.require(partnerOrganizationId != null && !partnerOrganizationId.isBlank(), "partner_organization_id",
        "required", "partner_organization_id is required");
    validation.require(partnerOrganizationId == null || partnerOrganizationId.isBlank()
        || PARTNER_ORGANIZATION_ID.matcher(partnerOrganizationId).matches(), "partner_organization_id", "invalid_format",
        "partner_organization_id is the number in your Partner Dashboard's address (partners.shopify.com/<id>)");
    validation.text(accessToken, "access_token", LONGEST_TOKEN);
    validation.require(accessToken == null || accessToken.strip().equals(accessToken), "access_token", "invalid_format",
        "access_token must not start or end with spaces");
    validation.throwIfInvalid();
  }

  @Override
  public String toString() {
    return "ConnectRequest[" + partnerOrganizationId + ", access_token hidden]";
  }
}
