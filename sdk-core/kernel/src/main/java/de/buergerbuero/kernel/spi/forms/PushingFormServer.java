package de.buergerbuero.kernel.spi.forms;

/**
 * A form server that can push a completed form to the SDK ({@code POST
 * /api/v1/forms/{kind}/{formId}/submissions}) besides being polled. The SDK answers only after the
 * application is stored, so the server's 200 is the acknowledgement.
 */
public interface PushingFormServer {

  /** Whether the request's {@code Authorization} header carries this server's credentials. */
  boolean authorises(String authorizationHeader);

  /**
   * Reads one pushed submission.
   *
   * @throws FormServerException#malformed when the body cannot be read
   */
  FormSubmission pushed(String formId, byte[] body);
}
