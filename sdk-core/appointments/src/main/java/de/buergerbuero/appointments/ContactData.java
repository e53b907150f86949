package de.buergerbuero.appointments;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The name and e-mail address that confirm a hold, validated at construction.
 *
 * <p>Neither may contain line breaks or other control or formatting characters (bidi overrides,
 * zero-width characters): the name is written into e-mails, where a line break could add text or
 * headers of the sender's choosing.
 *
 * @param name as entered, stripped; at most 200 characters
 * @param email as entered, stripped and lower-cased; delivered to as it is
 */
record ContactData(String name, String email) {
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,185}\\.[^@\\s]{2,}");

  /** Providers that ignore dots in the local part (and whose two domains are one mailbox). */
  private static final Set<String> DOTLESS = Set.of("gmail.com", "googlemail.com");

  ContactData {
    name = name == null ? "" : name.strip();
    email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (name.isEmpty()
        || name.length() > 200
        || !printable(name)
        || !printable(email)
        || !EMAIL.matcher(email).matches()) {
      throw AppointmentsError.INVALID_CONTACT.with(
          "Bitte geben Sie Ihren Namen und eine gültige E-Mail-Adresse an (ohne Zeilenumbrüche"
              + " und Steuerzeichen).");
    }
  }

  /**
   * The address as one mailbox, for the open-bookings limit only (never to deliver to): lower case;
   * the sub-address after the first {@code +} removed (RFC 5233 convention of Gmail, Outlook.com,
   * iCloud, Fastmail, Proton, Posteo, mailbox.org: {@code anna+1@} reaches {@code anna@}); for
   * Gmail the dots of the local part removed and {@code googlemail.com} read as {@code gmail.com}.
   * A catch-all domain cannot be recognised from the address; the per-client limits and the double
   * opt-in bound it.
   */
  String mailbox() {
    int at = email.lastIndexOf('@');
    String local = email.substring(0, at);
    String domain = email.substring(at + 1);
    if (domain.endsWith(".")) {
      domain = domain.substring(0, domain.length() - 1);
    }
    int plus = local.indexOf('+');
    if (plus > 0) {
      local = local.substring(0, plus);
    }
    if (DOTLESS.contains(domain)) {
      local = local.replace(".", "");
      domain = "gmail.com";
    }
    return local + "@" + domain;
  }

  /** No control, formatting (bidi, zero-width), line or paragraph separator characters. */
  static boolean printable(String value) {
    return value.codePoints().noneMatch(ContactData::unprintable);
  }

  /** The value with every control and formatting character replaced by a space (for old data). */
  static String printableOrSpace(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(value.length());
    value.codePoints().forEach(c -> b.appendCodePoint(unprintable(c) ? ' ' : c));
    return b.toString();
  }

  private static boolean unprintable(int c) {
    int type = Character.getType(c);
    return Character.isISOControl(c)
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }
}
