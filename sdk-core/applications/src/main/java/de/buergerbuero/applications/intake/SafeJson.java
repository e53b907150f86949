package de.buergerbuero.applications.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.buergerbuero.applications.ApplicationsError;
import de.buergerbuero.kernel.error.MalformedRequestException;
import de.buergerbuero.kernel.error.PayloadTooLargeException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads untrusted JSON: at most 32 levels deep, no duplicate keys, no trailing garbage, strict
 * UTF-8, bounded size. Everything else is refused with a {@link MalformedRequestException} before
 * any business code sees it.
 */
public final class SafeJson {
  public static final int MAX_DEPTH = 32;

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_DEPTH)
                          .maxStringLength(1_000_000)
                          .maxNumberLength(100)
                          .build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private SafeJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses at most {@code maxBytes} bytes of UTF-8 JSON. */
  public static JsonNode read(InputStream in, long maxBytes) {
    try (InputStream limited = new LimitedInputStream(in, maxBytes);
        JsonParser parser = MAPPER.createParser(limited)) {
      JsonNode node = MAPPER.readTree(parser);
      if (node == null || node.isMissingNode()) {
        throw new MalformedRequestException("Die Anfrage ist leer.");
      }
      return node;
    } catch (LimitedInputStream.LimitExceededException e) {
      throw new PayloadTooLargeException(
          ApplicationsError.REQUEST_TOO_LARGE, "Die Anfrage ist größer als " + maxBytes + " Byte.");
    } catch (StreamConstraintsException e) {
      throw new MalformedRequestException(
          "Das JSON ist zu tief verschachtelt oder enthält zu lange Werte (höchstens "
              + MAX_DEPTH
              + " Ebenen).");
    } catch (IOException e) {
      throw new MalformedRequestException(
          "Die Anfrage ist kein gültiges JSON in UTF-8: "
              + firstLine(
                  e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                      ? j.getOriginalMessage()
                      : e.getMessage()));
    }
  }

  public static JsonNode read(String text) {
    return read(
        new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        Long.MAX_VALUE);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String line = message.lines().findFirst().orElse("");
    // parser messages quote input; keep them short so no submitted data ends up in logs
    return line.length() > 120 ? line.substring(0, 120) + "…" : line;
  }
}
