package de.buergerbuero.kernel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.kernel.error.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ValueRecordsTest {

  @Test
  @DisplayName("STORK-QAA levels map to eIDAS levels and compare as 'at least'")
  void trustLevels() {
    assertThat(TrustLevel.ofStorkQaaClassRef("STORK-QAA-Level-3"))
        .isEqualTo(TrustLevel.SUBSTANTIAL);
    assertThat(TrustLevel.ofStorkQaaClassRef("4")).isEqualTo(TrustLevel.HIGH);
    assertThat(TrustLevel.ofEidasLevel("low")).isEqualTo(TrustLevel.LOW);
    assertThat(TrustLevel.NORMAL.eidasLevel()).isEqualTo("none");
    assertThat(TrustLevel.HIGH.storkQaaClassRef()).isEqualTo("STORK-QAA-Level-4");
    assertThat(TrustLevel.HIGH.satisfies(TrustLevel.SUBSTANTIAL)).isTrue();
    assertThat(TrustLevel.SUBSTANTIAL.satisfies(TrustLevel.SUBSTANTIAL)).isTrue();
    assertThat(TrustLevel.NORMAL.satisfies(TrustLevel.LOW)).isFalse();
    assertThatThrownBy(() -> TrustLevel.ofStorkQaaClassRef("STORK-QAA-Level-5"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> TrustLevel.ofEidasLevel("medium"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName("a LeiKa key has exactly 14 digits and reads its FIT-Connect URN")
  void leikaKeys() {
    assertThat(LeikaKey.parse("urn:de:fim:leika:leistung:99115005000000").value())
        .isEqualTo("99115005000000");
    assertThat(new LeikaKey("99115005000000").urn())
        .isEqualTo("urn:de:fim:leika:leistung:99115005000000");
    for (String bad :
        new String[] {"9911500500000", "991150050000000", "9911500500000a", "", null}) {
      assertThatThrownBy(() -> new LeikaKey(bad)).isInstanceOf(InvalidInputException.class);
    }
  }

  @Test
  @DisplayName("a service offering refuses a bad id, department or fee and defaults the rest")
  void serviceOffering() {
    var ok =
        new ServiceOffering(
            "meldebescheinigung",
            new LeikaKey("99115005000000"),
            LocalizedText.of("Meldebescheinigung", "Certificate of registration"),
            null,
            "buergeramt",
            TrustLevel.SUBSTANTIAL,
            null,
            "forms/meldebescheinigung.json",
            new Fee(new BigDecimal("10.00"), null),
            null,
            null);
    assertThat(ok.description()).isEqualTo(ok.name());
    assertThat(ok.applicantKinds()).isEqualTo(Set.of(ApplicantKind.CITIZEN));
    assertThat(ok.requiredDocuments()).isEmpty();
    assertThatThrownBy(
            () ->
                new ServiceOffering(
                    "Bad Id",
                    ok.leikaKey(),
                    ok.name(),
                    null,
                    "buergeramt",
                    TrustLevel.LOW,
                    null,
                    "x",
                    null,
                    List.of(),
                    List.of()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new Fee(new BigDecimal("-1"), null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new Fee(new BigDecimal("1.234"), null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName("an applicant needs a pseudonymous subject and a display name")
  void applicant() {
    var a = new Applicant("bpk2-abc", ApplicantKind.CITIZEN, "Anna Muster", null);
    assertThat(a.postbox()).isEmpty();
    assertThatThrownBy(() -> new Applicant(" ", ApplicantKind.CITIZEN, "x", null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new Applicant("s", ApplicantKind.COMPANY, "", null))
        .isInstanceOf(InvalidInputException.class);
  }
}
