package io.convot.contact;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The filters of the contact list; {@code null} leaves a filter out. {@code shop} is a
 * {@code *.myshopify.com} domain that the contact's session data names as its {@code shop}.
 */
public record ContactFilter(UUID appId, String email, String externalId, String segment, Instant updatedSince, String shop) {

  /** The domains Shopify gives shops; what the revenue sidebar links a contact's {@code shop} to. */
  private static final Pattern MYSHOPIFY_DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}\\.myshopify\\.com");

  public ContactFilter {
    if (shop != null) {
      shop = shop.trim().toLowerCase(Locale.ROOT);
      if (!MYSHOPIFY_DOMAIN.matcher(shop).matches()) {
        throw new ConvotException(ErrorCode.VALIDATION_FAILED, "The request has invalid fields",
            List.of(new FieldError("shop", "invalid_shop", "shop must be a shop's myshopify.com domain, such as acme.myshopify.com")));
      }
    }
  }

  public ContactFilter(UUID appId, String email, String externalId, String segment, Instant updatedSince) {
    this(appId, email, externalId, segment, updatedSince, null);
  }
}
