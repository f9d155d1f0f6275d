package io.convot.access;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of the current request, set once by the web layer. */
@RequestScoped
public class CurrentCaller {

  private Caller caller;

  public void set(Caller caller) {
    this.caller = caller;
  }

  public boolean isPresent() {
    return caller != null;
  }

  public Caller get() {
    if (caller == null) {
      throw new ConvotException(ErrorCode.UNAUTHENTICATED, "Send Authorization: Bearer <token>");
    }
    return caller;
  }
}
