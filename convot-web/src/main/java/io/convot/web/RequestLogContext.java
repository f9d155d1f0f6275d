package io.convot.web;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts the request id on every line logged while a request is served: Liberty's JSON logging writes the
 * extensions of {@code com.ibm.websphere.logging.hpel.LogRecordContext} (a per-thread map) as
 * {@code ext_<name>} fields. The class is Liberty's own API, found at run time so that the module compiles
 * against the Jakarta EE API alone; on a server without it, lines simply carry no request id.
 */
final class RequestLogContext {

  static final String EXTENSION = "requestId";
  private static final Logger LOG = Logger.getLogger(RequestLogContext.class.getName());
  private static final MethodHandle ADD;
  private static final MethodHandle REMOVE;

  static {
    MethodHandle add = null;
    MethodHandle remove = null;
    try {
      Class<?> context = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      add = lookup.findStatic(context, "addExtension", MethodType.methodType(void.class, String.class, String.class));
      remove = lookup.findStatic(context, "removeExtension", MethodType.methodType(boolean.class, String.class));
    } catch (ReflectiveOperationException | LinkageError e) {
      LOG.log(Level.FINE, "No LogRecordContext: log lines carry no request id", e);
    }
    ADD = add;
    REMOVE = remove;
  }

  private RequestLogContext() {}

  static void enter(String requestId) {
    if (ADD != null) {
      try {
        ADD.invoke(EXTENSION, requestId);
      } catch (Throwable e) {
        LOG.log(Level.FINE, "The request id could not be put on log lines", e);
      }
    }
  }

  static void leave() {
    if (REMOVE != null) {
      try {
        boolean ignored = (boolean) REMOVE.invoke(EXTENSION);
      } catch (Throwable e) {
        LOG.log(Level.FINE, "The request id could not be taken off log lines", e);
      }
    }
  }
}
