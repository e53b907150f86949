package de.buergerbuero.applications.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.buergerbuero.applications.decision.DecisionDocument;
import de.buergerbuero.applications.decision.DecisionRenderer;
import de.buergerbuero.applications.intake.ReceiptData;
import de.buergerbuero.applications.receipt.ReceiptRenderer;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Time to render one Bescheid (PDF/A-1b, embedded font subset, XMP, output intent) against the
 * receipt (standard fonts, no PDF/A) as the baseline, measured in the same run: warm-up, then
 * alternating rounds so that both see the same JIT and GC state. Run with {@code
 * benchmarks/decision-render.sh [rounds]}.
 */
public final class DecisionRenderingBenchmark {
  private DecisionRenderingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    ReceiptRenderer receipt = new ReceiptRenderer("Stadt Musterstadt");
    DecisionRenderer decision = new DecisionRenderer();
    ReceiptData data =
        new ReceiptData(
            "MS-2026-000042",
            "Bewohnerparkausweis",
            "99018032000000",
            "Jördis Müller-Lüdenscheidt",
            ZonedDateTime.parse("2026-12-01T10:15:00+01:00[Europe/Berlin]"),
            "SUBMITTED",
            new ObjectMapper()
                .readTree(
                    "{\"licensePlate\":\"MS-AB 123\",\"zone\":\"A\",\"street\":\"Marktstraße 5\","
                        + "\"postalCode\":\"12345\",\"city\":\"Musterstadt\"}"),
            List.of("Fahrzeugschein.pdf (81234 Byte)"));
    DecisionDocument bescheid =
        new DecisionDocument(
            List.of("Stadt Musterstadt", "Ordnungsamt", "Rathausplatz 1, 12345 Musterstadt"),
            List.of("Jördis Müller-Lüdenscheidt"),
            "Musterstadt, 02.12.2026",
            "MS-2026-000042",
            "Bescheid über Ihren Antrag: Bewohnerparkausweis",
            List.of(
                "Guten Tag Jördis Müller-Lüdenscheidt,",
                "für das Fahrzeug MS-AB 123 wird ein Bewohnerparkausweis für die Zone A erteilt.",
                "Bitte legen Sie den Ausweis gut sichtbar aus."),
            "Gebühr: 30,00 EUR (je Jahr)",
            List.of(
                "Gegen diesen Bescheid kann innerhalb eines Monats nach seiner Bekanntgabe Klage"
                    + " erhoben werden."),
            List.of("Ordnungsamt", "Dieser Bescheid wurde elektronisch erstellt."),
            new DecisionDocument.Translation(
                "Decision on your application: resident parking permit",
                List.of("A resident parking permit for zone A is granted."),
                List.of("You may bring an action within one month.")));
    int warmup = Math.max(200, rounds / 4);
    for (int i = 0; i < warmup; i++) {
      receipt.render(data);
      decision.render(bescheid);
    }
    long[] r = new long[rounds];
    long[] d = new long[rounds];
    int receiptBytes = 0;
    int decisionBytes = 0;
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      receiptBytes = receipt.render(data).length;
      long t1 = System.nanoTime();
      decisionBytes = decision.render(bescheid).length;
      long t2 = System.nanoTime();
      r[i] = t1 - t0;
      d[i] = t2 - t1;
    }
    Arrays.sort(r);
    Arrays.sort(d);
    System.out.printf(
        Locale.ROOT,
        "rounds %d (after %d warm-up)%n"
            + "receipt  (baseline): p50 %.2f ms  p99 %.2f ms  mean %.2f ms  %d bytes%n"
            + "Bescheid (PDF/A-1b): p50 %.2f ms  p99 %.2f ms  mean %.2f ms  %d bytes%n"
            + "ratio Bescheid/receipt: p50 %.2f  mean %.2f%n",
        rounds,
        warmup,
        ms(r[rounds / 2]),
        ms(r[rounds * 99 / 100]),
        ms(mean(r)),
        receiptBytes,
        ms(d[rounds / 2]),
        ms(d[rounds * 99 / 100]),
        ms(mean(d)),
        decisionBytes,
        (double) d[rounds / 2] / r[rounds / 2],
        mean(d) / mean(r));
  }

  private static double mean(long[] values) {
    return Arrays.stream(values).average().orElse(0);
  }

  private static double ms(double nanos) {
    return nanos / 1_000_000.0;
  }
}
