package de.buergerbuero.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Minimal servlet request and response fakes for filter tests (no container needed). */
final class FakeHttp {
  private FakeHttp() {}

  static final class Request {
    String method = "POST";
    String servletPath = "/api";
    String uri = "/api/v1/applications";
    boolean secure;
    Principal principal;
    final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    Request header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    HttpServletRequest proxy() {
      return (HttpServletRequest)
          Proxy.newProxyInstance(
              FakeHttp.class.getClassLoader(),
              new Class<?>[] {HttpServletRequest.class},
              (p, m, args) ->
                  switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getUserPrincipal" -> principal;
                    case "getSession" -> null;
                    case "getServletPath" -> servletPath;
                    case "getRequestURI" -> uri;
                    case "getParameter" -> null;
                    case "getLocale" -> java.util.Locale.GERMAN;
                    case "isSecure" -> secure;
                    case "getScheme" -> secure ? "https" : "http";
                    default -> null;
                  });
    }
  }

  static final class Response {
    int status = 200;
    final Map<String, String> headers = new HashMap<>();
    final StringWriter body = new StringWriter();

    HttpServletResponse proxy() {
      PrintWriter writer = new PrintWriter(body);
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              FakeHttp.class.getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (p, m, args) -> {
                switch (m.getName()) {
                  case "setStatus" -> status = (Integer) args[0];
                  case "setHeader", "addHeader" -> headers.put((String) args[0], (String) args[1]);
                  case "getWriter" -> {
                    return writer;
                  }
                  case "getStatus" -> {
                    return status;
                  }
                  case "getHeader" -> {
                    return headers.get((String) args[0]);
                  }
                  default -> {}
                }
                return null;
              });
    }
  }
}
