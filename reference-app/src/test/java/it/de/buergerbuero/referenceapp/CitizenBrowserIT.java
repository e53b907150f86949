package it.de.buergerbuero.referenceapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

@DisplayName("Citizen front end in headless Chromium")
class CitizenBrowserIT {
  private WebBrowser browser;

  @BeforeEach
  void start() {
    browser = new WebBrowser();
  }

  @AfterEach
  void stop() {
    browser.close();
  }

  @Test
  @DisplayName(
      "anna finds a service, logs in, sees a wrong input next to its field, submits with an"
          + " attachment, gets reference and PDF receipt, follows and withdraws the application")
  void applyFromLoginToReceiptAndWithdraw(@TempDir Path dir) throws Exception {
    browser.open("/");
    assertThat(browser.heading()).isEqualTo("Dienstleistungen");
    browser.assertAccessible("catalogue");
    browser.screenshot("01-dienstleistungen");

    browser.type("#q", "Parkausweis");
    browser.find("form[role=search] button[type=submit]").click();
    browser.waitForText("#result-count", "1 Dienstleistungen gefunden");
    browser.clickAndWait("a[href='#/dienste/bewohnerparkausweis']");
    assertThat(browser.heading()).isEqualTo("Bewohnerparkausweis");
    assertThat(browser.find("main").getText())
        .contains("Fahrzeugschein", "30,00 €", "substanziell");
    browser.assertAccessible("service page (anonymous)");

    browser.find("#apply a.button").click(); // "Anmelden", back to this page afterwards
    browser.wait.until(d -> d.getCurrentUrl().contains("/login"));
    browser.waitReady();
    browser.assertAccessible("login page");
    browser.type("#username", "anna");
    browser.type("#password", "anna");
    browser.find("button[type=submit]").click();
    browser.wait.until(d -> !d.getCurrentUrl().contains("/login"));
    browser.waitReady();
    assertThat(browser.driver.getCurrentUrl()).endsWith("/#/dienste/bewohnerparkausweis");
    browser.find("#application-form");
    assertThat(browser.find("#account").getText()).contains("Anna Muster");

    // a wrong input: the message stands next to the field and is tied to it
    browser.type("#f-licensePlate", "kein Kennzeichen");
    new Select(browser.find("#f-zone")).selectByValue("B");
    browser.find("#application-form button[type=submit]").click();
    WebElement summary = browser.find("#form-problems .alert");
    assertThat(summary.getText()).contains("Bitte korrigieren Sie 1 Eingabe(n)");
    WebElement plate = browser.find("#f-licensePlate");
    WebElement error = browser.find("#f-licensePlate-error");
    assertThat(plate.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(plate.getAttribute("aria-describedby")).contains("f-licensePlate-error");
    assertThat(error.getText()).contains("nicht das erwartete Format");
    assertThat(browser.driver.switchTo().activeElement()).isEqualTo(summary);
    browser.assertAccessible("form with an error");
    browser.screenshot("02-antrag-fehler");

    browser.type("#f-licensePlate", "MS-AB 123");
    browser.find("#f-vehicleHolder").click();
    Path proof = dir.resolve("Fahrzeugschein.pdf");
    Files.writeString(proof, "%PDF-1.4\n% Fahrzeugschein\n%%EOF\n", StandardCharsets.US_ASCII);
    browser.find("#attachments").sendKeys(proof.toString());
    browser.find("#application-form button[type=submit]").click();

    String reference = browser.find("#application-submitted #reference").getText();
    assertThat(reference).matches("MS-\\d{4}-\\d{6}");
    browser.assertAccessible("submitted");
    browser.screenshot("03-antrag-eingegangen");
    HttpResponse<byte[]> receipt =
        browser.fetchWithSession(browser.find("#receipt-link").getAttribute("href"));
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(receipt.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(new String(receipt.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    browser.open("/#/antraege");
    assertThat(browser.heading()).isEqualTo("Meine Anträge");
    browser.find("table");
    assertThat(browser.find("table").getText()).contains(reference, "Bewohnerparkausweis");
    browser.assertAccessible("my applications");
    browser.screenshot("04-meine-antraege");

    int before = browser.renders();
    browser.all("table a").stream()
        .filter(a -> a.getText().equals(reference))
        .findFirst()
        .orElseThrow()
        .click();
    browser.waitReady(before);
    assertThat(browser.heading()).isEqualTo("Antrag " + reference);
    assertThat(browser.find("main").getText()).contains("Fahrzeugschein.pdf", "eingereicht");
    browser.find("#withdraw").click();
    browser.find("#withdraw-confirm").click();
    browser.waitForText("main dl", "zurückgenommen");
    assertThat(browser.all("#withdraw")).isEmpty();
    String url = browser.driver.getCurrentUrl();
    assertThat(Api.status("anna", url.substring(url.lastIndexOf('/') + 1))).isEqualTo("WITHDRAWN");
  }

  @Test
  @DisplayName(
      "ben's login is too weak for the parking permit: the page says so and the step-up login"
          + " asks for the required trust level; English is one click away")
  void stepUpAndEnglish() {
    browser.login("ben", "/#/dienste/bewohnerparkausweis");
    WebElement notice = browser.find("#apply .notice");
    assertThat(notice.getText()).contains("substanziell", "normal");
    String stepUp = browser.find("#apply .notice a").getAttribute("href");
    assertThat(stepUp).contains("trustLevel=substantial", "next=");
    browser.driver.get(stepUp);
    assertThat(
            new Select(browser.find("#trustLevel")).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("substantial");

    browser.open("/#/");
    browser.find("#lang-switch").click();
    browser.waitForText("h1", "Services");
    assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
    assertThat(browser.find("nav").getText()).contains("Services", "Appointments");
    browser.assertAccessible("catalogue in English");
    browser.find("#lang-switch").click(); // back to German for the other tests
    browser.waitForText("h1", "Dienstleistungen");
  }

  @Test
  @DisplayName(
      "anna sees the clerk's question and deadline in 'Meine Anträge' and answers with text and a"
          + " document; the application is back with the clerk")
  void answerQuery(@TempDir Path dir) throws Exception {
    String id = Api.submit("anna", "bewohnerparkausweis", Api.PARKING).getString("id");
    Api.await(
        "filed in the DMS",
        java.time.Duration.ofSeconds(30),
        () -> "RECEIVED".equals(Api.status("anna", id)));
    for (String step :
        new String[] {
          "{\"to\":\"IN_PROGRESS\"}",
          "{\"to\":\"NEEDS_INFO\",\"note\":\"Bitte reichen Sie den Fahrzeugschein nach.\"}"
        }) {
      assertThat(
              Api.postJson(
                      "/api/v1/staff/applications/" + id + "/transitions", "clerk-ordnung", step)
                  .statusCode())
          .isEqualTo(200);
    }
    browser.login("anna", "/#/antraege/" + id);
    assertThat(browser.find("#query-question").getText())
        .isEqualTo("Bitte reichen Sie den Fahrzeugschein nach.");
    assertThat(browser.find("#query-due").getText()).startsWith("Bitte antworten Sie bis");
    browser.assertAccessible("open query");
    browser.type("#answer-text", "Anbei der Fahrzeugschein.");
    Path proof = dir.resolve("Fahrzeugschein.pdf");
    Files.writeString(proof, "%PDF-1.4\n% Fahrzeugschein\n%%EOF\n", StandardCharsets.US_ASCII);
    browser.find("#answer-files").sendKeys(proof.toString());
    browser.screenshot("11-rueckfrage-beantworten");
    int before = browser.renders();
    browser.find("#answer-form button[type=submit]").click();
    browser.waitReady(before);
    browser.waitForText("#answers", "Anbei der Fahrzeugschein.");
    assertThat(browser.all("#answer-form")).isEmpty();
    browser.assertAccessible("answered query");
    assertThat(Api.status("anna", id)).isEqualTo("IN_PROGRESS");
  }

  @Test
  @DisplayName("the accessibility check is not blind: an unlabelled field is reported")
  void accessibilityCheckFindsViolations() {
    browser.open("/");
    browser.driver.executeScript(
        "document.getElementById('main').append(Object.assign("
            + "document.createElement('input'), {type: 'text', id: 'unlabelled'}));");
    assertThat(browser.seriousViolations())
        .anySatisfy(v -> assertThat(v.toString()).contains("label"));
  }

  @Test
  @DisplayName(
      "a citizen books an appointment (confirmed by the mailed link) and opens the room with its"
          + " route")
  void bookAppointment() {
    browser.open("/#/termine");
    assertThat(browser.heading()).isEqualTo("Termin buchen");
    browser.assertAccessible("appointments");
    new Select(browser.find("#location")).selectByValue("rathaus-buergerbuero");
    new Select(browser.find("#appointment-service")).selectByValue("meldebescheinigung");
    browser.find("#appointment-search button[type=submit]").click();
    browser.find("#appointment-times input[name=start]").click();
    browser.assertAccessible("appointment times");
    browser.screenshot("05-termin-uhrzeit");
    browser.find("#hold-button").click();
    browser.type("#contact-name", "Anna Muster");
    browser.type("#contact-email", "anna@example.org");
    browser.find("#confirm-button").click();
    // e-mail is on in the tests: the booking waits for the opt-in link (double opt-in)
    WebElement pending = browser.find("#appointment-pending");
    assertThat(pending.getText()).contains("Bitte bestätigen Sie Ihren Termin", "0.02");
    browser.assertAccessible("appointment pending");
    browser.find("#appointment-pending a.primary").click();
    browser.wait.until(d -> d.getCurrentUrl().contains("/r/"));
    assertThat(browser.find("h1").getText()).contains("0.02");
  }

  @Test
  @DisplayName(
      "Meine Anträge shows the newest 20 and loads older ones on demand, focus on the first new"
          + " row")
  void olderApplicationsOnDemand() {
    for (int i = 0; i < 21; i++) {
      Api.submit("ben", "sperrmuell", Api.BULKY_WASTE);
    }
    browser.login("ben", "/#/antraege");
    assertThat(browser.heading()).isEqualTo("Meine Anträge");
    assertThat(browser.all("table tbody tr")).hasSize(20);
    browser.find("#mine-more").click();
    browser.wait.until(d -> browser.all("table tbody tr").size() > 20);
    int rows = browser.all("table tbody tr").size();
    assertThat(browser.find("table caption").getText()).isEqualTo(rows + " Anträge");
    assertThat(browser.driver.switchTo().activeElement().getText())
        .isEqualTo(browser.all("table tbody tr").get(20).findElement(By.tagName("a")).getText());
    browser.assertAccessible("my applications, more loaded");
  }
}
