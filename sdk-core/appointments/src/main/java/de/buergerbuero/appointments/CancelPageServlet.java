package de.buergerbuero.appointments;

import de.buergerbuero.kernel.error.BuergerbueroException;
import de.buergerbuero.kernel.web.HtmlPage;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The cancel link of the confirmation e-mail and of the booking page, {@code
 * /termin/absagen?id=…&token=…}; works without e-mail. A GET only shows a button (mail scanners
 * open links); the POST of that form cancels. The HMAC token is the authorisation; a wrong one gets
 * the same answer as an unknown appointment.
 */
@WebServlet(urlPatterns = "/termin/absagen")
public class CancelPageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject Changes changes;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String id = request.getParameter("id");
    String token = request.getParameter("token");
    HtmlPage.send(
        response,
        200,
        "de",
        "Termin absagen / Cancel appointment",
        "<p>Möchten Sie diesen Termin absagen? / Do you want to cancel this appointment?</p>"
            + "<form method=\"post\" action=\"/termin/absagen\">"
            + "<input type=\"hidden\" name=\"id\" value=\""
            + HtmlPage.escape(id)
            + "\"><input type=\"hidden\" name=\"token\" value=\""
            + HtmlPage.escape(token)
            + "\"><button type=\"submit\">Termin absagen / Cancel</button></form>");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      changes.cancel(request.getParameter("id"), request.getParameter("token"));
      HtmlPage.send(
          response,
          200,
          "de",
          "Termin abgesagt / Appointment cancelled",
          "<p>Ihr Termin ist abgesagt. Der Zeitpunkt ist wieder frei.</p>"
              + "<p lang=\"en\">Your appointment is cancelled.</p>");
    } catch (BuergerbueroException e) {
      HtmlPage.send(
          response,
          e.errorCode().descriptor().httpStatus(),
          "de",
          "Absage nicht möglich / Cannot cancel",
          "<p>" + HtmlPage.escape(e.getMessage()) + "</p>");
    }
  }
}
