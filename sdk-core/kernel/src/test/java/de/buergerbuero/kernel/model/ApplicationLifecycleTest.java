package de.buergerbuero.kernel.model;

import static de.buergerbuero.kernel.model.ApplicationStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.error.IllegalTransitionException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApplicationLifecycleTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  private static Application in(ApplicationStatus status) {
    return new Application(
        UUID.randomUUID(),
        "MS-2026-000001",
        "meldebescheinigung",
        "buergeramt",
        new Applicant("s1", ApplicantKind.CITIZEN, "Anna", null),
        status,
        T0,
        T0);
  }

  @Test
  @DisplayName("staff walk an application from submitted to closed")
  void happyPath() {
    Application a = in(SUBMITTED);
    for (ApplicationStatus next :
        new ApplicationStatus[] {
          RECEIVED, IN_PROGRESS, NEEDS_INFO, IN_PROGRESS, APPROVED, CLOSED
        }) {
      a = a.transitionTo(next, Actor.STAFF, T0.plusSeconds(1));
      assertThat(a.status()).isEqualTo(next);
    }
    assertThat(a.updatedAt()).isAfter(a.submittedAt());
  }

  @ParameterizedTest
  @EnumSource(ApplicationStatus.class)
  @DisplayName("staff can make exactly the documented transitions, never to WITHDRAWN")
  void staffMatrix(ApplicationStatus from) {
    Set<ApplicationStatus> allowed =
        switch (from) {
          case SUBMITTED -> EnumSet.of(RECEIVED);
          case RECEIVED -> EnumSet.of(IN_PROGRESS);
          case IN_PROGRESS -> EnumSet.of(NEEDS_INFO, APPROVED, REJECTED);
          case NEEDS_INFO -> EnumSet.of(IN_PROGRESS);
          case APPROVED, REJECTED -> EnumSet.of(CLOSED);
          default -> EnumSet.noneOf(ApplicationStatus.class);
        };
    for (ApplicationStatus to : ApplicationStatus.values()) {
      if (allowed.contains(to)) {
        assertThat(in(from).transitionTo(to, Actor.STAFF, T0).status()).isEqualTo(to);
      } else {
        assertThatThrownBy(() -> in(from).transitionTo(to, Actor.STAFF, T0))
            .isInstanceOf(IllegalTransitionException.class)
            .hasMessageContaining(from.name())
            .hasMessageContaining(to.name());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ApplicationStatus.class)
  @DisplayName("the applicant can withdraw only before a decision")
  void withdraw(ApplicationStatus from) {
    boolean before = EnumSet.of(SUBMITTED, RECEIVED, IN_PROGRESS, NEEDS_INFO).contains(from);
    if (before) {
      assertThat(in(from).transitionTo(WITHDRAWN, Actor.APPLICANT, T0).status())
          .isEqualTo(WITHDRAWN);
    } else {
      assertThatThrownBy(() -> in(from).transitionTo(WITHDRAWN, Actor.APPLICANT, T0))
          .isInstanceOf(IllegalTransitionException.class);
    }
    assertThatThrownBy(() -> in(from).transitionTo(APPROVED, Actor.APPLICANT, T0))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  @DisplayName("references have the form PREFIX-YYYY-NNNNNN")
  void references() {
    assertThat(Application.formatReference("MS", 2026, 123)).isEqualTo("MS-2026-000123");
    assertThatThrownBy(
            () ->
                new Application(
                    UUID.randomUUID(),
                    "bogus",
                    "s",
                    "d",
                    new Applicant("s1", ApplicantKind.CITIZEN, "Anna", null),
                    SUBMITTED,
                    T0,
                    T0))
        .hasMessageContaining("Aktenzeichen");
  }
}
