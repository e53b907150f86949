package de.buergerbuero.kernel.http;

import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses to read answers larger than {@link RestClients#MAX_ANSWER}: a server (or something
 * pretending to be it) cannot make a connector read without end. Register it on every MicroProfile
 * Rest Client interface of a connector ({@code @RegisterProvider}).
 */
public final class BoundedAnswers implements ReaderInterceptor {
  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    context.setInputStream(new Bounded(context.getInputStream(), RestClients.MAX_ANSWER));
    return context.proceed();
  }

  private static final class Bounded extends FilterInputStream {
    private long left;

    Bounded(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) throws IOException {
      left -= n;
      if (left < 0) {
        throw new AnswerTooLargeException();
      }
    }
  }

  /** Thrown while reading; {@link RestClients#failure} reports it as the server's failure. */
  public static final class AnswerTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    AnswerTooLargeException() {
      super("answer larger than " + (RestClients.MAX_ANSWER >> 20) + " MB");
    }
  }
}
