package de.buergerbuero.connector.formsolutions.api;

import de.buergerbuero.kernel.error.KernelError;
import de.buergerbuero.kernel.spi.forms.FormServerException;

/**
 * HTTP 404 from the form server: a refusal when fetching (wrong Mandant or form number), "closed or
 * gone already" when acknowledging.
 */
public final class FormsolutionsNotFoundException extends FormServerException {
  private static final long serialVersionUID = 1L;

  FormsolutionsNotFoundException(String detail) {
    super(KernelError.FORM_SERVER_REFUSED, detail, false, null);
  }
}
