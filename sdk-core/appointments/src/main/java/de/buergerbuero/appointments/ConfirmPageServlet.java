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
 * The double opt-in link of the e-mail, {@code /termin/bestaetigen?id=…&token=…}. A GET only shows
 * a button (mail scanners open links); the POST of that form confirms the appointment, and the
 * confirmation with the cancel link goes out by e-mail.
 */
@WebServlet(urlPatterns = "/termin/bestaetigen")
public class ConfirmPageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject Confirmations confirmations;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HtmlPage.send(
        response,
        200,
        "de",
        "Termin bestätigen / Confirm appointment",
        "<p>Bitte bestätigen Sie Ihre Terminbuchung. / Please confirm your booking.</p>"
            + "<form method=\"post\" action=\"/termin/bestaetigen\">"
            + "<input type=\"hidden\" name=\"id\" value=\""
            + HtmlPage.escape(request.getParameter("id"))
            + "\"><input type=\"hidden\" name=\"token\" value=\""
            + HtmlPage.escape(request.getParameter("token"))
            + "\"><button type=\"submit\">Termin bestätigen / Confirm</button></form>");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      var c = confirmations.verify(request.getParameter("id"), request.getParameter("token"));
      String id = c.appointment().id();
      HtmlPage.send(
          response,
          200,
          "de",
          "Termin bestätigt / Appointment confirmed",
          "<p>Ihr Termin ist gebucht. Die Bestätigung kommt per E-Mail.</p>"
              + "<p lang=\"en\">Your appointment is booked; the confirmation follows by e-mail.</p>"
              + "<p><a href=\"/termin/absagen?id="
              + HtmlPage.escape(id)
              + "&amp;token="
              + HtmlPage.escape(c.cancelToken())
              + "\">Termin absagen / Cancel</a></p>");
    } catch (BuergerbueroException e) {
      HtmlPage.send(
          response,
          e.errorCode().descriptor().httpStatus(),
          "de",
          "Bestätigung nicht möglich / Cannot confirm",
          "<p>" + HtmlPage.escape(e.getMessage()) + "</p>");
    }
  }
}
