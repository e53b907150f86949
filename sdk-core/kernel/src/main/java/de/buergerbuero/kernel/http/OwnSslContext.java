package de.buergerbuero.kernel.http;

import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

/**
 * Keeps the TLS context a connector built for itself (its client certificate and the peer's trust
 * store, e.g. the ZBP's BPKI certificate). Open Liberty replaces the {@code SSLContext} of every
 * MicroProfile Rest Client with its own {@code defaultSSLConfig} when the client is built (Open
 * Liberty issue 33537); this listener, registered as a service and run after Liberty's, puts the
 * connector's context back. A connector asks for it with {@link #keep}.
 */
public final class OwnSslContext implements RestClientListener {
  /** The builder property that carries the connector's context. */
  public static final String PROPERTY = "de.buergerbuero.http.own-ssl-context";

  /** Sets the context and marks it to be kept. */
  public static RestClientBuilder keep(RestClientBuilder builder, SSLContext context) {
    return builder.sslContext(context).property(PROPERTY, context);
  }

  @Override
  public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
    if (builder.getConfiguration().getProperty(PROPERTY) instanceof SSLContext own) {
      builder.sslContext(own);
    }
  }
}
