package de.buergerbuero.kernel.model;

import de.buergerbuero.kernel.error.InvalidInputException;
import java.math.BigDecimal;

/**
 * The fee for a service in euros.
 *
 * @param amountEuro zero or more, at most two decimal places
 * @param note optional explanation ("je Exemplar", "nach Aufwand")
 */
public record Fee(BigDecimal amountEuro, String note) {
  public static final Fee FREE = new Fee(BigDecimal.ZERO, null);

  public Fee {
    if (amountEuro == null || amountEuro.signum() < 0 || amountEuro.scale() > 2) {
      throw InvalidInputException.field(
          "fee", "Gebühr muss ein Betrag ≥ 0 mit höchstens zwei Nachkommastellen sein.");
    }
  }
}
