package de.buergerbuero.indoor.rest;

import de.buergerbuero.indoor.IndoorNavigation;
import de.buergerbuero.indoor.model.Level;
import de.buergerbuero.indoor.model.Room;
import de.buergerbuero.indoor.routing.Profile;
import de.buergerbuero.indoor.routing.Route;
import de.buergerbuero.kernel.error.BuergerbueroException;
import de.buergerbuero.kernel.web.HtmlPage;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The stable room link {@code /r/{roomId}}: a plain HTML page (German, {@code ?lang=en} English)
 * with the room, its level and department and the way from the main entrance; {@code
 * ?profile=wheelchair|avoid-stairs} changes the way. Printed on door signs, appointment
 * confirmations and the staff directory as a QR code, so it must never change.
 */
@WebServlet(urlPatterns = "/r/*")
public class RoomPageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject IndoorNavigation navigation;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    String roomId = path == null ? "" : path.substring(1);
    boolean en = "en".equals(request.getParameter("lang"));
    response.setCharacterEncoding("UTF-8");
    response.setContentType("text/html");
    Optional<IndoorNavigation.Located> located =
        Room.ID.matcher(roomId).matches() ? navigation.room(roomId) : Optional.empty();
    if (located.isEmpty()) {
      response.setStatus(404);
      HtmlPage.write(
          response.getWriter(),
          en ? "en" : "de",
          en ? "Room not found" : "Raum nicht gefunden",
          "<p>"
              + (en
                  ? "There is no room with this number."
                  : "Einen Raum mit dieser Nummer gibt es nicht.")
              + "</p>");
      return;
    }
    Room room = located.get().room();
    Profile profile;
    Route route;
    String routeError = null;
    try {
      profile = Profile.fromUrl(request.getParameter("profile"));
    } catch (BuergerbueroException e) {
      profile = Profile.DEFAULT;
    }
    try {
      route = navigation.route(located.get().building().id(), null, room.id(), profile);
    } catch (BuergerbueroException e) {
      route = null;
      routeError = e.getMessage();
    }
    Level level = new Level(room.level());
    StringBuilder body = new StringBuilder();
    body.append("<p>")
        .append(HtmlPage.escape(located.get().building().name()))
        .append(", ")
        .append(HtmlPage.escape(en ? level.name().en() : level.name().de()))
        .append("</p>");
    if (room.department() != null || room.occupant() != null) {
      body.append("<p>")
          .append(HtmlPage.escape(room.occupant() != null ? room.occupant() : room.department()))
          .append("</p>");
    }
    body.append("<h2>")
        .append(en ? "Your way from the main entrance" : "Ihr Weg vom Haupteingang")
        .append("</h2>");
    if (route != null) {
      body.append("<ol>");
      for (Route.Step step : route.steps()) {
        body.append("<li>")
            .append(HtmlPage.escape(en ? step.text().en() : step.text().de()))
            .append("</li>");
      }
      body.append("</ol><p>")
          .append(Math.round(route.distanceMetres()))
          .append(" m, ")
          .append(en ? "about " : "etwa ")
          .append(Math.max(1, Math.round(route.durationSeconds() / 60.0)))
          .append(" min</p>");
    } else {
      body.append("<p>").append(HtmlPage.escape(routeError)).append("</p>");
    }
    String base = "/r/" + room.id();
    String lang = en ? "&amp;lang=en" : "";
    body.append("<nav><ul>")
        .append(link(base + "?profile=default" + lang, en ? "On foot" : "Zu Fuß"))
        .append(
            link(
                base + "?profile=wheelchair" + lang,
                en ? "Step-free (wheelchair)" : "Stufenlos (Rollstuhl)"))
        .append(link(base + "?profile=avoid-stairs" + lang, en ? "Avoid stairs" : "Treppen meiden"))
        .append(link(base + (en ? "" : "?lang=en"), en ? "Deutsch" : "English"))
        .append("</ul></nav>");
    HtmlPage.write(response.getWriter(), en ? "en" : "de", room.label(), body.toString());
  }

  private static String link(String href, String text) {
    return "<li><a href=\"" + href + "\">" + HtmlPage.escape(text) + "</a></li>";
  }
}
