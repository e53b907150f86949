package de.buergerbuero.connector.dms.xdomea;

import static org.assertj.core.api.Assertions.assertThat;

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

  static synchronized Schema get() throws Exception {
    if (schema == null) {
      Path xsd =
          Path.of(
              System.getProperty(
                  "xdomea.xsd", "../../../shared/testdata/xdomea-3.0.0/xdomea_3.0.0/xdomea.xsd"));
      assertThat(xsd).as("official xdomea XSD beside the project").exists();
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      schema = f.newSchema(xsd.toFile());
    }
    return schema;
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
