package io.convot.web.metrics;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * The response the metrics endpoint writes to once its scraper was refused: Open Liberty goes on to serve
 * a resource it does not itself protect whatever the authentication module answered, so the refusal
 * (already sent) is the whole answer and everything the endpoint writes after it goes nowhere.
 */
final class RefusedResponse extends HttpServletResponseWrapper {

  RefusedResponse(HttpServletResponse refused) {
    super(refused);
  }

  @Override
  public ServletOutputStream getOutputStream() {
    return new ServletOutputStream() {
      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {}

      @Override
      public void write(int b) {}

      @Override
      public void write(byte[] b, int off, int len) {}
    };
  }

  @Override
  public PrintWriter getWriter() {
    return new PrintWriter(OutputStream.nullOutputStream());
  }

  @Override
  public void setStatus(int status) {}

  @Override
  public void sendError(int status) {}

  @Override
  public void sendError(int status, String message) {}

  @Override
  public void sendRedirect(String location) {}

  @Override
  public void setHeader(String name, String value) {}

  @Override
  public void addHeader(String name, String value) {}

  @Override
  public void setIntHeader(String name, int value) {}

  @Override
  public void addIntHeader(String name, int value) {}

  @Override
  public void setDateHeader(String name, long value) {}

  @Override
  public void addDateHeader(String name, long value) {}

  @Override
  public void setContentType(String type) {}

  @Override
  public void setContentLength(int length) {}

  @Override
  public void setContentLengthLong(long length) {}

  @Override
  public void setCharacterEncoding(String charset) {}

  @Override
  public void setBufferSize(int size) {}

  @Override
  public void flushBuffer() {}

  @Override
  public void reset() {}

  @Override
  public void resetBuffer() {}
}
