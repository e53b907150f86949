package ${package};

#if( $dms == "filesystem" )
import de.buergerbuero.connector.dms.filesystem.FileSystemDmsConfig;
import de.buergerbuero.connector.dms.filesystem.FileSystemDocumentStore;
#elseif( $dms == "xdomea" )
import de.buergerbuero.connector.dms.xdomea.XdomeaDmsConfig;
import de.buergerbuero.connector.dms.xdomea.XdomeaDocumentStore;
import java.time.Clock;
#else
import de.buergerbuero.connector.dms.cmis.CmisDmsConfig;
import de.buergerbuero.connector.dms.cmis.CmisDocumentStore;
import java.net.URI;
import java.util.Map;
#end
import de.buergerbuero.kernel.error.ConfigurationException;
import de.buergerbuero.kernel.spi.dms.CaseFilingPort;
import de.buergerbuero.kernel.spi.dms.DocumentReadPort;
import de.buergerbuero.kernel.spi.dms.FilingConfirmations;
import de.buergerbuero.kernel.spi.forms.FormServers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.Config;

/**
 * The connectors of this Bürgerbüro: the DMS (${dms}; see the connector's page in the SDK
 * documentation) and the form servers (none yet: add connector-formsolutions or
 * connector-fitconnect and return them from {@link #formServers()}).
 */
@ApplicationScoped
public class ConnectorConfiguration {
  @Inject Config config;
#if( $dms == "xdomea" )
  @Inject Clock clock;

  private XdomeaDocumentStore store;
#elseif( $dms == "filesystem" )

  private FileSystemDocumentStore store;
#else

  private CmisDocumentStore store;
#end

  @PostConstruct
  void create() {
#if( $dms == "filesystem" )
    store = new FileSystemDocumentStore(new FileSystemDmsConfig(Path.of(value(FileSystemDmsConfig.ROOT_KEY))));
#elseif( $dms == "xdomea" )
    String p = XdomeaDmsConfig.PREFIX;
    store =
        new XdomeaDocumentStore(
            new XdomeaDmsConfig(
                Path.of(value(p + "drop-directory")),
                Path.of(value(p + "archive-directory")),
                Path.of(value(p + "reply-directory")),
                value(p + "sender-institution"),
                value(p + "sender-unit"),
                value(p + "recipient-institution")),
            clock);
#else
    String p = CmisDmsConfig.PREFIX;
    store =
        new CmisDocumentStore(
            new CmisDmsConfig(
                URI.create(value(p + "url")),
                value(p + "repository"),
                value(p + "user"),
                value(p + "password"),
                value(p + "folder"),
                null,
                Map.of(),
                null));
#end
  }

  @Produces
  CaseFilingPort caseFiling() {
    return store;
  }

  @Produces
  DocumentReadPort documentReading() {
    return store;
  }

  @Produces
  FilingConfirmations filingConfirmations() {
#if( $dms == "xdomea" )
    return store;
#else
    return FilingConfirmations.NONE;
#end
  }

  @Produces
  FormServers formServers() {
    return FormServers.none();
  }

  private String value(String key) {
    return config
        .getOptionalValue(key, String.class)
        .filter(v -> !v.isBlank())
        .orElseThrow(() -> new ConfigurationException("Missing configuration: " + key));
  }
}
