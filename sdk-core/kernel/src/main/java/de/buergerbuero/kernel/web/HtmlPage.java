package de.buergerbuero.kernel.web;

import java.io.IOException;

/** The few server-rendered HTML pages of the SDK (room links, cancel links): one frame, escaped. */
public final class HtmlPage {
  private HtmlPage() {}

  /** Text for HTML element content and double- or single-quoted attribute values. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Writes a complete page: {@code title} is escaped and becomes the title and the heading, {@code
   * body} is already HTML.
   */
  public static void write(Appendable out, String lang, String title, String body)
      throws IOException {
    out.append("<!DOCTYPE html><html lang=\"")
        .append(escape(lang))
        .append(
            "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
                + " content=\"width=device-width, initial-scale=1\"><title>")
        .append(escape(title))
        .append("</title></head><body><main><h1>")
        .append(escape(title))
        .append("</h1>")
        .append(body)
        .append("</main></body></html>");
  }

  /** Answers a request with a complete UTF-8 page (see {@link #write}). */
  public static void send(
      jakarta.servlet.http.HttpServletResponse response,
      int status,
      String lang,
      String title,
      String body)
      throws IOException {
    response.setStatus(status);
    response.setCharacterEncoding("UTF-8");
    response.setContentType("text/html");
    write(response.getWriter(), lang, title, body);
  }
}
