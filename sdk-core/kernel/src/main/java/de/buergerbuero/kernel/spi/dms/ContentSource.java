package de.buergerbuero.kernel.spi.dms;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens a document's bytes on demand, so a connector can stream large documents without holding
 * them in memory. May be called more than once (e.g. on a retry); each call returns a fresh stream
 * the caller closes.
 */
@FunctionalInterface
public interface ContentSource {
  InputStream open() throws IOException;
}
