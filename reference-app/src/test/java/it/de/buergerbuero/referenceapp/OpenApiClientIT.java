package it.de.buergerbuero.referenceapp;

import static it.de.buergerbuero.referenceapp.Api.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.de.buergerbuero.client.ApiClient;
import it.de.buergerbuero.client.ApiException;
import it.de.buergerbuero.client.api.AdministrationApi;
import it.de.buergerbuero.client.api.ApplicationsApi;
import it.de.buergerbuero.client.api.CaseworkApi;
import it.de.buergerbuero.client.api.ServicesApi;
import it.de.buergerbuero.client.model.ApplicationView;
import it.de.buergerbuero.client.model.OutboxEntryView;
import it.de.buergerbuero.client.model.OutboxState;
import it.de.buergerbuero.client.model.ServiceSummary;
import it.de.buergerbuero.client.model.StaffApplicationView;
import it.de.buergerbuero.client.model.TransitionRequest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The main flow through a client that OpenAPI Generator 7.17.0 ({@code -g java --library native})
 * generated from docs/openapi/openapi.yaml at build time — the document OpenApiIT proves equal to
 * the one the server serves — as an integrator would use it (issue 21, ADR 0021).
 */
@DisplayName("A client generated from the OpenAPI document")
class OpenApiClientIT {

  /** A client of the started server that logs in as {@code user} (development login). */
  private static ApiClient client(String user) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(Api.BASE);
    client.setReadTimeout(Duration.ofSeconds(60));
    String basic =
        Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    client.setRequestInterceptor(b -> b.header("Authorization", "Basic " + basic));
    return client;
  }

  @Test
  @DisplayName(
      "catalogue → submit with an attachment → read own application → receipt PDF → clerk"
          + " transition → admin outbox list")
  void mainFlow() throws Exception {
    List<ServiceSummary> services =
        new ServicesApi(client("anna")).listServices(null, "Parkausweis");
    assertThat(services).extracting(ServiceSummary::getId).contains("bewohnerparkausweis");

    Path scan = Files.createTempFile("Fahrzeugschein", ".pdf");
    Files.write(scan, "%PDF-1.7\n%generated client\n".getBytes(StandardCharsets.US_ASCII));
    ApplicationsApi anna = new ApplicationsApi(client("anna"));
    ApplicationView created =
        anna.submitApplication("bewohnerparkausweis", Api.PARKING, List.of(scan.toFile()));
    assertThat(created.getStatus()).isEqualTo("SUBMITTED");
    assertThat(created.getAttachments()).hasSize(1);
    String id = created.getId();

    await(
        "filed and received",
        Duration.ofSeconds(60),
        () -> {
          try {
            return anna.getApplication(id).getStatus().equals("RECEIVED");
          } catch (ApiException e) {
            throw new IllegalStateException(e);
          }
        });
    assertThat(anna.listMyApplications()).extracting(ApplicationView::getId).contains(id);

    File receipt = anna.getReceipt(id);
    byte[] pdf = Files.readAllBytes(receipt.toPath());
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    CaseworkApi clerk = new CaseworkApi(client("clerk-ordnung"));
    StaffApplicationView opened = clerk.getCase(id);
    assertThat(opened.getApplication().getReference()).isEqualTo(created.getReference());
    assertThat(opened.getAllowedTransitions()).contains("IN_PROGRESS");
    StaffApplicationView started =
        clerk.transitionCase(
            id, new TransitionRequest().to("IN_PROGRESS").note("Wir prüfen Ihren Antrag."));
    assertThat(started.getApplication().getStatus()).isEqualTo("IN_PROGRESS");

    // a problem arrives as ApiException with the status and the problem document
    assertThatThrownBy(() -> clerk.transitionCase(id, new TransitionRequest().to("SUBMITTED")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(409);
              assertThat(e.getResponseBody()).contains("BB-1009");
            });

    List<OutboxEntryView> delivered =
        new AdministrationApi(client("admin")).listOutboxEntries(1000, OutboxState.DELIVERED, null);
    assertThat(delivered)
        .as("the filing of this application, delivered once")
        .filteredOn(e -> e.getIdempotencyKey().equals("dms-file-application:" + id))
        .singleElement()
        .satisfies(e -> assertThat(e.getDeliveredAt()).isNotNull());
  }
}
