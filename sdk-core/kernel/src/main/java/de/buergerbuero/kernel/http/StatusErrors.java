package de.buergerbuero.kernel.http;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * The base of a connector's {@code ResponseExceptionMapper}: every answer that is not 2xx becomes
 * the error {@link #forStatus} names for its status (the one place a connector knows its peer's
 * codes); the answer is closed first, its body never read (it may be large or hostile).
 *
 * @param <X> the port's error type
 */
public abstract class StatusErrors<X extends Throwable> implements ResponseExceptionMapper<X> {

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status / 100 != 2;
  }

  @Override
  public X toThrowable(Response response) {
    int status = response.getStatus();
    response.close();
    return forStatus(status);
  }

  /** The error for an HTTP status that is not 2xx. */
  protected abstract X forStatus(int status);
}
