package de.buergerbuero.kernel.spi.delivery;

import java.util.Objects;
import java.util.Optional;

/**
 * Whom to deliver to, with what each channel needs: a postbox handle (BundID, ZBP), a postal
 * address (hybrid mail), an e-mail address (notices). A channel uses only its own part; a missing
 * part makes that channel reject the delivery.
 *
 * @param displayName the name to address the person or company by
 * @param postboxHandle the BundID postbox (mailbox UUID), if the applicant has one and agreed
 * @param address the postal address, if known
 * @param email the e-mail address for notices, if given
 */
public record Recipient(
    String displayName, String postboxHandle, PostalAddress address, String email) {
  public Recipient {
    Objects.requireNonNull(displayName, "displayName");
  }

  public Optional<String> postbox() {
    return Optional.ofNullable(postboxHandle).filter(s -> !s.isBlank());
  }

  public Optional<PostalAddress> postalAddress() {
    return Optional.ofNullable(address);
  }

  public Optional<String> emailAddress() {
    return Optional.ofNullable(email).filter(s -> !s.isBlank());
  }

  /** A postal address in Germany or abroad. */
  public record PostalAddress(
      String name, String street, String postalCode, String city, String country) {
    public PostalAddress {
      for (String part : new String[] {name, street, postalCode, city}) {
        if (part == null || part.isBlank()) {
          throw DeliveryException.rejected("Postanschrift unvollständig");
        }
      }
      country = country == null || country.isBlank() ? "DE" : country;
    }
  }
}
