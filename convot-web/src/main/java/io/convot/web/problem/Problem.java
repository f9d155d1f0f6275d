package io.convot.web.problem;

import io.convot.common.ErrorCode;
import io.convot.common.FieldError;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** An RFC 9457 problem with Convot's stable {@code code}, the request id and any field errors. */
@JsonbPropertyOrder({"type", "title", "status", "detail", "code", "request_id", "errors"})
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String code,
    String requestId,
    @JsonbNillable(false) List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(ErrorCode error, String detail, String requestId, List<FieldError> errors) {
    return new Problem("https://convot.io/problems/" + error.code(), error.title(), error.status(), detail,
        error.code(), requestId, errors == null || errors.isEmpty() ? null : errors);
  }
}
