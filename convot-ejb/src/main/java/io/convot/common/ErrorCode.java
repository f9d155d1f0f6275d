package io.convot.common;

/** Every error a client can see: a stable {@code code}, its HTTP status and a short title. */
public enum ErrorCode {
  MALFORMED_REQUEST(400, "Malformed request"),
  INVALID_CURSOR(400, "Invalid cursor"),
  IDEMPOTENCY_KEY_INVALID(400, "Invalid Idempotency-Key"),
  UNAUTHENTICATED(401, "Authentication required"),
  TOKEN_INVALID(401, "Invalid token"),
  TOKEN_REVOKED(401, "Token revoked"),
  TOKEN_EXPIRED(401, "Token expired"),
  INVALID_CREDENTIALS(401, "Invalid credentials"),
  SESSION_INVALID(401, "Invalid widget session"),
  IDENTITY_VERIFICATION_REQUIRED(401, "Identity verification required"),
  INSUFFICIENT_ROLE(403, "Not allowed for your role"),
  MISSING_PERMISSION(403, "Missing permission"),
  SIGN_IN_REQUIRED(403, "Sign in as a member to do this"),
  ORIGIN_NOT_ALLOWED(403, "Origin not allowed"),
  DEVELOPMENT_ONLY(403, "Only on a development server"),
  WIDGET_UNAVAILABLE(403, "This chat is unavailable"),
  NOT_FOUND(404, "Not found"),
  UNKNOWN_APP(404, "Unknown app"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  EMAIL_TAKEN(409, "Email already registered"),
  LAST_OWNER(409, "An organization needs an owner"),
  CONFLICT(409, "Conflict"),
  IDEMPOTENCY_KEY_IN_USE(409, "Idempotency key in use"),
  CONVERSATIONS_PAUSED(409, "New conversations are paused"),
  SLUG_TAKEN(409, "Slug already used"),
  HOSTNAME_TAKEN(409, "Hostname already verified elsewhere"),
  ORGANIZATION_CANCELLED(409, "The organization is cancelled"),
  APP_DELETED(409, "The app is deleted"),
  EXPORT_NOT_READY(409, "The export is not ready"),
  PAYLOAD_TOO_LARGE(413, "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  VALIDATION_FAILED(422, "Validation failed"),
  INVALID_PARAMETER(422, "Invalid parameter"),
  NOT_A_SESSION_TOKEN(422, "Not a session token"),
  IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
  PARTNER_TOKEN_INVALID(422, "Token is invalid or expired", "token_invalid"),
  MISSING_SCOPE(422, "Missing scope - View financials"),
  RATE_LIMITED(429, "Too many requests"),
  INTERNAL_ERROR(500, "Internal error"),
  PARTNER_API_UNAVAILABLE(502, "Shopify Partner API unavailable"),
  SOURCE_UNAVAILABLE(502, "Import source unavailable"),
  UNAVAILABLE(503, "Service unavailable");

  private final int status;
  private final String title;
  private final String code;

  ErrorCode(int status, String title) {
    this(status, title, null);
  }

  /** A code whose wire form is not its name (two statuses share {@code token_invalid}). */
  ErrorCode(int status, String title, String code) {
    this.status = status;
    this.title = title;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The wire form: {@code token_invalid}. */
  public String code() {
    return code != null ? code : name().toLowerCase(java.util.Locale.ROOT);
  }
}
