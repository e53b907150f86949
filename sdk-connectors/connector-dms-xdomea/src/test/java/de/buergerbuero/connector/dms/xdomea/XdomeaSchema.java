package de.buergerbuero.connector.dms.xdomea;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

/** The official xdomea 3.0.0 XSDs from ../shared/testdata (never copied into the project). */
final class XdomeaSchema {
  private static Schema schema;

  private XdomeaSchema() {}

  /**
   * The official xdomea.xsd (system property {@code xdomea.xsd}, set by the pom). Fails at once,
   * naming the path, when the shared test data are missing: without them no test could show that
   * its messages are what the standard allows.
   */
  static Path xsd() {
    Path xsd =
        Path.of(
                System.getProperty(
                    "xdomea.xsd", "../../../shared/testdata/xdomea-3.0.0/xdomea_3.0.0/xdomea.xsd"))
            .toAbsolutePath()
            .normalize();
    if (!Files.isRegularFile(xsd)) {
      throw new AssertionError(
          "The official xdomea 3.0.0 XSDs are missing: expected "
              + xsd
              + " (the shared test data ../shared/testdata/xdomea-3.0.0 beside the project;"
              + " they are never copied into it)");
    }
    return xsd;
  }

  static synchronized Schema get() throws Exception {
    if (schema == null) {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      schema = f.newSchema(xsd().toFile());
    }
    return schema;
  }

  /** Whether {@code xml} validates; for checking that the standard, too, refuses a value. */
  static boolean isValid(byte[] xml) throws Exception {
    try {
      validate(xml);
      return true;
    } catch (org.xml.sax.SAXException e) {
      return false;
    }
  }

  /** Throws when {@code xml} does not validate. */
  static void validate(byte[] xml) throws Exception {
    var validator = get().newValidator();
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
  }

  static byte[] read(Path file) throws Exception {
    return Files.readAllBytes(file);
  }
}
