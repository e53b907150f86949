package de.buergerbuero.kernel.rest;

import de.buergerbuero.kernel.error.KernelError;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Last line: anything unexpected becomes a 500 problem with an incident id that is also logged; the
 * client never sees a stack trace. JSON that the JSON-B provider cannot read becomes a 400.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Context HttpHeaders headers;
  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(Throwable e) {
    if (isUnreadableBody(e)) {
      return Problems.response(
          KernelError.MALFORMED_REQUEST,
          "Der Inhalt der Anfrage ist kein gültiges JSON für diese Schnittstelle.",
          List.of(),
          headers,
          uriInfo);
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
    return Problems.response(
        KernelError.INTERNAL,
        "Ein interner Fehler ist aufgetreten. Vorfallsnummer: " + incident,
        List.of(),
        headers,
        uriInfo);
  }

  private static boolean isUnreadableBody(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonbException
          || t instanceof JsonParsingException
          || t instanceof ProcessingException
          || t instanceof java.nio.charset.CharacterCodingException) {
        return true;
      }
    }
    return false;
  }
}
