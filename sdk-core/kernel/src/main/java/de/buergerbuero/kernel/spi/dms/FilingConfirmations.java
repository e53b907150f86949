package de.buergerbuero.kernel.spi.dms;

import java.util.List;

/**
 * Port: confirmations of filings from a DMS that imports asynchronously (see {@link
 * CaseFilingPort#confirmsAsynchronously()}).
 */
public interface FilingConfirmations {

  /** For DMS connectors that confirm synchronously: never any confirmation. */
  FilingConfirmations NONE =
      new FilingConfirmations() {
        @Override
        public List<FilingConfirmation> poll() {
          return List.of();
        }

        @Override
        public void done(FilingConfirmation confirmation) {}
      };

  /**
   * Confirmations that arrived and were not yet {@linkplain #done done}; unreadable ones are set
   * aside.
   */
  List<FilingConfirmation> poll();

  /** The confirmation is recorded; the connector may archive or delete its source. */
  void done(FilingConfirmation confirmation);
}
