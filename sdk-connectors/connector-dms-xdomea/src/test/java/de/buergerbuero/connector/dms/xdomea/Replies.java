package de.buergerbuero.connector.dms.xdomea;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes 0402/0403 replies the way a DMS may write them under the xdomea 3.0.0 XSD (Kopf =
 * NkBasisType, AbgegebenesObjekt = ErfolgOderMisserfolgAbgabeType), not the way this connector
 * writes XML: any prefix or a default namespace, any lexical form of the schema types, optional
 * elements. Every reply a test reads is validated against the official XSDs first ({@link
 * XdomeaSchema}), so a test cannot pass on a reply the standard does not allow.
 */
final class Replies {
  /** {@code null}: the xdomea namespace is the default namespace. */
  private String prefix = "xdomea";

  private String type = "0402";
  private UUID processId;
  private String created = "2026-11-27T10:20:00Z";
  private boolean codeListAttributes = true;
  private boolean optionalKopfElements;
  private final List<String> objects = new ArrayList<>();

  private Replies(UUID processId) {
    this.processId = processId;
  }

  static Replies importConfirmation(UUID processId) {
    return new Replies(processId);
  }

  static Replies receipt(UUID processId) {
    Replies r = new Replies(processId);
    r.type = "0403";
    return r;
  }

  Replies prefix(String prefix) {
    this.prefix = prefix;
    return this;
  }

  Replies defaultNamespace() {
    this.prefix = null;
    return this;
  }

  Replies created(String lexical) {
    this.created = lexical;
    return this;
  }

  Replies messageTypeWithoutListAttributes() {
    this.codeListAttributes = false;
    return this;
  }

  /**
   * Adds the optional Kopf parts: SendendesSystem, Hinweis and an
   * AnwendungsspezifischeErweiterungXML whose foreign content has elements named like xdomea's
   * (Erfolgreich, IDSGO, ProzessID).
   */
  Replies withOptionalKopfElements() {
    this.optionalKopfElements = true;
    return this;
  }

  /** An AbgegebenesObjekt: {@code erfolgreich} is written exactly as given. */
  Replies object(UUID idsgo, String erfolgreich, String... fehlermeldungen) {
    StringBuilder sb = new StringBuilder();
    sb.append(open("AbgegebenesObjekt"))
        .append(el("IDSGO", idsgo.toString()))
        .append(el("Erfolgreich", erfolgreich));
    for (String f : fehlermeldungen) {
      sb.append(el("Fehlermeldung", f));
    }
    sb.append(close("AbgegebenesObjekt"));
    objects.add(sb.toString());
    return this;
  }

  /**
   * A rejected object with a FehlermeldungCode (SonstigeFehlermeldungCodeType: the sender names its
   * list with listURI and listVersionID).
   */
  Replies rejectedWithCode(
      UUID idsgo, String listUri, String listVersion, String code, String name) {
    objects.add(
        open("AbgegebenesObjekt")
            + el("IDSGO", idsgo.toString())
            + el("Erfolgreich", "0")
            + "<"
            + q("FehlermeldungCode")
            + " listURI=\""
            + listUri
            + "\" listVersionID=\""
            + listVersion
            + "\">"
            + plain("code", code)
            + plain("name", name)
            + close("FehlermeldungCode")
            + close("AbgegebenesObjekt"));
    return this;
  }

  String xml() {
    String root =
        type.equals("0402") ? "Abgabe.ImportBestaetigen.0402" : "Abgabe.EmpfangBestaetigen.0403";
    String ns = "urn:xoev-de:xdomea:schema:3.0.0";
    String decl = prefix == null ? " xmlns=\"" + ns + "\"" : " xmlns:" + prefix + "=\"" + ns + "\"";
    StringBuilder sb =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<")
            .append(q(root))
            .append(decl)
            .append(">\n")
            .append(open("Kopf"))
            .append(el("ProzessID", processId.toString()))
            .append("<")
            .append(q("Nachrichtentyp"))
            .append(
                codeListAttributes
                    ? " listURI=\"urn:xoev-de:xdomea:codeliste:nachrichtentyp\" listVersionID=\"2.0\""
                    : "")
            .append(">")
            .append(plain("code", type))
            .append(plain("name", root.substring(0, root.length() - 5)))
            .append(close("Nachrichtentyp"))
            .append(el("Erstellungszeitpunkt", created))
            .append(open("Absender"))
            .append(open("Institution"))
            .append(el("Name", "Stadt Musterstadt, DMS"))
            .append(close("Institution"))
            .append(close("Absender"))
            .append(open("Empfaenger"))
            .append(open("Institution"))
            .append(el("Name", "Stadt Musterstadt"))
            .append(close("Institution"))
            .append(close("Empfaenger"));
    if (optionalKopfElements) {
      sb.append(open("SendendesSystem"))
          .append(el("InstanzID", "dms-prod-1"))
          .append(el("Produktname", "Beispiel-DMS"))
          .append(el("Version", "7.2"))
          .append(close("SendendesSystem"))
          .append(el("Hinweis", "Import über Sammelschnittstelle"))
          .append(open("AnwendungsspezifischeErweiterungXML"))
          .append("<dms:Protokoll xmlns:dms=\"urn:example:dms:protokoll\">")
          .append("<dms:ProzessID>00000000-0000-0000-0000-000000000000</dms:ProzessID>")
          .append("<dms:IDSGO>00000000-0000-0000-0000-000000000000</dms:IDSGO>")
          .append("<dms:Erfolgreich>kaputt</dms:Erfolgreich>")
          .append("</dms:Protokoll>")
          .append(close("AnwendungsspezifischeErweiterungXML"));
    }
    sb.append(close("Kopf"));
    objects.forEach(o -> sb.append(o).append('\n'));
    return sb.append(close(root)).toString();
  }

  /** The reply as bytes, after checking it against the official XSDs. */
  byte[] validBytes() throws Exception {
    byte[] bytes = xml().getBytes(StandardCharsets.UTF_8);
    XdomeaSchema.validate(bytes);
    return bytes;
  }

  private String q(String local) {
    return prefix == null ? local : prefix + ":" + local;
  }

  private String open(String local) {
    return "<" + q(local) + ">";
  }

  private String close(String local) {
    return "</" + q(local) + ">";
  }

  private String el(String local, String text) {
    return open(local) + text + close(local);
  }

  /** Code list children are unqualified; under a default namespace they must undeclare it. */
  private String plain(String local, String text) {
    String undeclare = prefix == null ? " xmlns=\"\"" : "";
    return "<" + local + undeclare + ">" + text + "</" + local + ">";
  }
}
