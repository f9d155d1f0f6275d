package io.convot.common;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * The one exception type clients see: it carries a stable {@link ErrorCode} and, for validation,
 * the field errors. Thrown from an EJB it rolls the transaction back and reaches the caller as is.
 */
@ApplicationException(rollback = true, inherited = true)
public class ConvotException extends RuntimeException {

  private final ErrorCode errorCode;
  private final List<FieldError> fieldErrors;

  public ConvotException(ErrorCode errorCode, String detail) {
    this(errorCode, detail, List.of());
  }

  public ConvotException(ErrorCode errorCode, String detail, List<FieldError> fieldErrors) {
    super(detail, null, false, false);
    this.errorCode = errorCode;
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  public static ConvotException notFound(String what) {
    return new ConvotException(ErrorCode.NOT_FOUND, what + " not found");
  }
}
