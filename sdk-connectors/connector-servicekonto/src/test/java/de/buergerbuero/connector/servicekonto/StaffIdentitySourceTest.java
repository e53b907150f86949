package de.buergerbuero.connector.servicekonto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.model.TrustLevel;
import de.buergerbuero.kernel.security.Caller;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Staff only from the staff identity source (issue 14 item 9, ADR 0018). */
class StaffIdentitySourceTest {
  private static final BundIdAttributes N = BundIdAttributes.DEFAULT;
  private static final String ROLE = "urn:buergerbuero:personal:rolle";
  private static final String DEPARTMENT = "urn:buergerbuero:personal:fachbereich";
  private static final String BPK2 = "urn:oid:1.3.6.1.4.1.25484.494450.3";
  private static final String LEVEL = "urn:oid:1.2.40.0.10.2.1.1.261.94";

  @Test
  @DisplayName(
      "a citizens' IdP assertion with rolle=admin makes no admin: with a bPK2 it is a citizen,"
          + " without one it is refused")
  void citizenAssertionNeverYieldsStaff() {
    Caller mallory =
        ServicekontoLogin.toCaller(
            Map.of(
                BPK2,
                List.of("bpk2-mallory"),
                "urn:oid:2.5.4.42",
                List.of("Mallory"),
                "urn:oid:2.5.4.4",
                List.of("Muster"),
                ROLE,
                List.of("admin"),
                DEPARTMENT,
                List.of("gewerbe")),
            "STORK-QAA-Level-3",
            "mallory",
            N);
    assertThat(mallory).isInstanceOf(Caller.ApplicantCaller.class);

    assertThatThrownBy(
            () ->
                ServicekontoLogin.toCaller(
                    Map.of(ROLE, List.of("admin"), "urn:oid:2.5.4.42", List.of("Admin")),
                    "STORK-QAA-Level-4",
                    "admin",
                    N))
        .isInstanceOf(SamlException.class)
        .satisfies(
            e ->
                assertThat(((SamlException) e).reason())
                    .isEqualTo(SamlException.Reason.MISSING_ATTRIBUTE));
  }

  @Test
  @DisplayName(
      "the staff source makes clerks and admins with departments, from its subject; it needs a"
          + " staff role and its minimum trust level")
  void staffSource() {
    Caller.StaffCaller clerk =
        ServicekontoLogin.toStaffCaller(
            Map.of(
                ROLE, List.of("clerk"),
                DEPARTMENT, List.of("gewerbe", "ordnungsamt"),
                LEVEL, List.of("STORK-QAA-Level-3")),
            "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified",
            "g-clerk-7",
            N,
            TrustLevel.SUBSTANTIAL);
    assertThat(clerk.admin()).isFalse();
    assertThat(clerk.departments()).containsExactlyInAnyOrder("gewerbe", "ordnungsamt");
    assertThat(
            ServicekontoLogin.toStaffCaller(
                    Map.of(ROLE, List.of("admin")),
                    "STORK-QAA-Level-4",
                    "a1",
                    N,
                    TrustLevel.SUBSTANTIAL)
                .admin())
        .isTrue();

    assertReason(
        () ->
            ServicekontoLogin.toStaffCaller(
                Map.of(BPK2, List.of("bpk2-anna")), "STORK-QAA-Level-4", "anna", N, null),
        SamlException.Reason.NOT_STAFF);
    assertReason(
        () ->
            ServicekontoLogin.toStaffCaller(
                Map.of(ROLE, List.of("superuser")), "STORK-QAA-Level-4", "x", N, null),
        SamlException.Reason.NOT_STAFF);
    assertReason(
        () ->
            ServicekontoLogin.toStaffCaller(
                Map.of(ROLE, List.of("clerk")),
                "STORK-QAA-Level-1",
                "weak",
                N,
                TrustLevel.SUBSTANTIAL),
        SamlException.Reason.TRUST_LEVEL);
  }

  private static void assertReason(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, SamlException.Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOf(SamlException.class)
        .satisfies(e -> assertThat(((SamlException) e).reason()).isEqualTo(reason));
  }
}
