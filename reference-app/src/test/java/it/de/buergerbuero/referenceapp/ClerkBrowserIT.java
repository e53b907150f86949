package it.de.buergerbuero.referenceapp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

@DisplayName("Clerk and admin front end in headless Chromium")
class ClerkBrowserIT {
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
      "a clerk filters the inbox, opens an application with its data and audit trail, and"
          + " changes its status with a note the citizen sees")
  void inboxCaseAndTransition() {
    JsonObject submitted = Api.submit("anna", "bewohnerparkausweis", Api.PARKING);
    String id = submitted.getString("id");
    String reference = submitted.getString("reference");
    Api.await(
        "filed in the DMS",
        Duration.ofSeconds(30),
        () -> "RECEIVED".equals(Api.status("anna", id)));

    browser.login("clerk-ordnung", "/#/bearbeitung");
    assertThat(browser.heading()).isEqualTo("Posteingang");
    browser.assertAccessible("inbox");
    new Select(browser.find("#filter-status")).selectByValue("RECEIVED");
    new Select(browser.find("#filter-service")).selectByValue("bewohnerparkausweis");
    browser.type("#filter-q", reference);
    browser.clickAndWait("form.filters button[type=submit]");
    assertThat(browser.driver.getCurrentUrl()).contains("serviceId=bewohnerparkausweis");
    assertThat(browser.find("table").getText()).contains(reference, "Anna Muster");
    assertThat(browser.find("table caption").getText())
        .isEqualTo("1 von 1 Anträgen im Posteingang");
    assertThat(browser.find("#inbox-counts").getText()).contains(": 1");
    assertThat(browser.driver.findElement(By.id("inbox-more")).isDisplayed())
        .as("one page only: no button to load more")
        .isFalse();
    browser.assertAccessible("inbox with search");
    assertThat(browser.find("table").getText()).doesNotContain("Lärmbeschwerde");
    browser.screenshot("06-posteingang");

    browser.clickAndWait("a[href='#/bearbeitung/" + id + "']");
    assertThat(browser.heading()).isEqualTo("Antrag " + reference);
    assertThat(browser.find("main").getText()).contains("MS-AB 123", "ordnungsamt");
    browser.assertAccessible("case page");

    new Select(browser.find("#transition-to")).selectByValue("IN_PROGRESS");
    browser.type("#transition-note", "Wir prüfen Ihren Antrag.");
    browser.find("#transition-form button[type=submit]").click();
    browser.waitForText("ol.history", "Wir prüfen Ihren Antrag.");
    browser.waitForText("main dl", "in Bearbeitung");
    assertThat(browser.find("table").getText()).isNotBlank(); // audit trail rows
    browser.screenshot("07-antrag-bearbeiten");
    assertThat(Api.status("anna", id)).isEqualTo("IN_PROGRESS");

    // the citizen sees the clerk's note in the status history
    WebBrowser anna = new WebBrowser();
    try {
      anna.login("anna", "/#/antraege/" + id);
      assertThat(anna.find("ol.history").getText()).contains("Wir prüfen Ihren Antrag.");
    } finally {
      anna.close();
    }
  }

  @Test
  @DisplayName(
      "a clerk previews and issues the Bescheid (confirmed with the keyboard); the citizen downloads"
          + " it from 'Meine Anträge'")
  void issueDecision() {
    JsonObject submitted = Api.submit("anna", "bewohnerparkausweis", Api.PARKING);
    String id = submitted.getString("id");
    Api.await(
        "filed in the DMS",
        Duration.ofSeconds(30),
        () -> "RECEIVED".equals(Api.status("anna", id)));
    assertThat(
            Api.postJson(
                    "/api/v1/staff/applications/" + id + "/transitions",
                    "clerk-ordnung",
                    "{\"to\":\"IN_PROGRESS\"}")
                .statusCode())
        .isEqualTo(200);

    // anna logged in with a BundID postbox: she may choose it (by keyboard) and withdraw again
    WebBrowser citizen = new WebBrowser();
    try {
      citizen.login("anna", "/#/antraege/" + id);
      assertThat(citizen.find("#delivery").getText()).contains("BundID-Postfach");
      assertThat(citizen.find("#postbox-consent").isSelected()).isFalse();
      citizen.find("#postbox-consent").sendKeys(Keys.SPACE);
      Api.await("consent recorded", Duration.ofSeconds(10), () -> consent(id));
      citizen.assertAccessible("delivery choice");
      citizen.find("#postbox-consent").sendKeys(Keys.SPACE);
      Api.await("consent withdrawn", Duration.ofSeconds(10), () -> !consent(id));
    } finally {
      citizen.close();
    }

    browser.login("clerk-ordnung", "/#/bearbeitung/" + id);
    assertThat(browser.find("#decision-title").getText()).isEqualTo("Bescheid");
    assertThat(browser.all("#transition-to option[value=APPROVED]"))
        .as("a decision is issued with its Bescheid, not as a bare status")
        .isEmpty();
    browser.type("#decision-text", "Bitte legen Sie den Ausweis gut sichtbar aus.");
    browser.find("#decision-preview").click();
    assertThat(browser.find("#decision-preview-link").getAttribute("href")).startsWith("blob:");
    browser.assertAccessible("decision form with preview");
    browser.screenshot("09-bescheid-vorschau");

    browser.find("#decision-issue").click();
    browser.find("#decision-confirm");
    browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    browser.waitForText("#decision", "erlassen am");
    browser.waitForText("main dl", "bewilligt");
    assertThat(browser.find("#decision-download").getAttribute("href"))
        .endsWith("/api/v1/staff/applications/" + id + "/decision");
    browser.assertAccessible("decision issued");
    assertThat(Api.status("anna", id)).isEqualTo("APPROVED");

    WebBrowser anna = new WebBrowser();
    try {
      anna.login("anna", "/#/antraege/" + id);
      assertThat(anna.find("#decision").getText()).contains("Bescheid", "Stattgabe");
      assertThat(anna.find("#decision-download").getAttribute("href"))
          .endsWith("/api/v1/applications/" + id + "/decision");
      anna.assertAccessible("citizen's application with Bescheid");
      anna.screenshot("10-bescheid-buerger");
    } finally {
      anna.close();
    }
    byte[] pdf =
        Api.sendBytes(Api.request("/api/v1/applications/" + id + "/decision", "anna").GET().build())
            .body();
    assertThat(new String(pdf, 0, 8, java.nio.charset.StandardCharsets.US_ASCII))
        .startsWith("%PDF-1.4");

    // no postbox consent, no postal address in the parking form: the print queue has it
    String reference = submitted.getString("reference");
    Api.await(
        "in the print queue",
        Duration.ofSeconds(30),
        () -> Api.get("/api/v1/staff/print-queue", "clerk-ordnung").body().contains(reference));
    browser.open("/#/druckwarteschlange");
    assertThat(browser.heading()).isEqualTo("Druckwarteschlange");
    assertThat(browser.find("table").getText()).contains(reference, "kein Zustellweg");
    browser.assertAccessible("print queue");
    browser.screenshot("11-druckwarteschlange");
    String job =
        Api.array(Api.get("/api/v1/staff/print-queue", "clerk-ordnung"))
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(j -> j.getString("reference").equals(reference))
            .findFirst()
            .orElseThrow()
            .getString("id");
    int renders = browser.renders();
    browser.find("#posted-" + job).sendKeys(Keys.ENTER);
    browser.waitReady(renders);
    assertThat(Api.get("/api/v1/staff/print-queue", "clerk-ordnung").body())
        .doesNotContain(reference);
    assertThat(browser.find("main").getText()).doesNotContain(reference);
  }

  @Test
  @DisplayName(
      "a clerk takes a case, writes an internal note the applicant never sees and filters her cases, by keyboard")
  void casework() {
    JsonObject submitted = Api.submit("anna", "bewohnerparkausweis", Api.PARKING);
    String id = submitted.getString("id");
    browser.login("clerk-ordnung", "/#/bearbeitung/" + id);
    int renders = browser.renders();
    browser.find("#assign-me").sendKeys(Keys.ENTER);
    browser.waitReady(renders);
    browser.waitForText("#casework-assignee", "clerk-ordnung");
    browser.type("#note-text", "Rückruf vereinbart für Dienstag");
    renders = browser.renders();
    browser.find("#note-form button[type=submit]").sendKeys(Keys.ENTER);
    browser.waitReady(renders);
    browser.waitForText("#notes-list", "Rückruf vereinbart");
    browser.assertAccessible("case work and notes");
    browser.screenshot("12-bearbeitung-vermerke");
    assertThat(Api.get("/api/v1/applications/" + id, "anna").body()).doesNotContain("Rückruf");

    browser.open("/#/bearbeitung?assignee=me");
    browser.find("#filter-assignee");
    browser.waitForText("main table", submitted.getString("reference"));
    browser.assertAccessible("inbox: my cases");

    // a follow-up date that has come makes the case due
    var followUp =
        Api.send(
            Api.request("/api/v1/staff/applications/" + id + "/follow-up", "clerk-ordnung")
                .header("Content-Type", "application/json")
                .PUT(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"date\":\"" + java.time.LocalDate.now().minusDays(1) + "\"}"))
                .build());
    assertThat(followUp.statusCode()).isEqualTo(204);
    browser.open("/#/bearbeitung/" + id);
    browser.waitForText("#casework", "Wiedervorlage");
    browser.open("/#/bearbeitung?due=due");
    browser.find("#filter-due");
    browser.waitForText("main table", submitted.getString("reference"));
    browser.assertAccessible("inbox: due cases");
    browser.screenshot("13-posteingang-faellig");
  }

  private static boolean consent(String id) {
    return Api.object(Api.get("/api/v1/applications/" + id, "anna")).getBoolean("postboxConsent");
  }

  @Test
  @DisplayName("a clerk of another department gets 'not found' for the same application")
  void otherDepartmentSeesNothing() {
    String id = Api.submit("anna", "bewohnerparkausweis", Api.PARKING).getString("id");
    browser.login("clerk-gewerbe", "/#/bearbeitung/" + id);
    assertThat(browser.find("main .alert").getText()).contains("BB-2005");
    assertThat(browser.find("main").getText()).doesNotContain("MS-AB 123");
  }

  @Test
  @DisplayName("the admin sees the deliveries page; a citizen is told it is for staff only")
  void adminDeliveries() {
    browser.login("admin", "/#/admin");
    assertThat(browser.heading()).isEqualTo("Zustellungen");
    new Select(browser.find("#outbox-state")).selectByValue("DELIVERED");
    browser.clickAndWait("form.filters button[type=submit]");
    assertThat(browser.driver.getCurrentUrl()).contains("state=DELIVERED");
    assertThat(browser.find("table").getText()).contains("dms.file-application");
    browser.assertAccessible("deliveries");
    browser.screenshot("08-zustellungen");

    WebBrowser ben = new WebBrowser();
    try {
      ben.login("ben", "/#/admin");
      assertThat(ben.heading()).isEqualTo("Anmeldung erforderlich");
    } finally {
      ben.close();
    }
  }
}
