package de.buergerbuero.applications.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.applications.ApplicationsError;
import de.buergerbuero.kernel.error.BuergerbueroException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadSpoolTest {
  /** The start of a Windows executable (MZ header, PE offset, DOS stub text). */
  static final byte[] EXE = windowsExecutable();

  static final byte[] PDF =
      "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path dir;

  @Test
  @DisplayName("an executable sent as invoice.pdf with type application/pdf is refused (BB-2012)")
  void executableAsPdf() {
    try (UploadSpool spool = new UploadSpool(1 << 20, 1 << 20, dir)) {
      assertThatThrownBy(
              () ->
                  spool.add("invoice.pdf", "application/pdf", new ByteArrayInputStream(EXE), true))
          .isInstanceOfSatisfying(
              BuergerbueroException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(ApplicationsError.ATTACHMENT_TYPE_MISMATCH);
                assertThat(e.errorCode().httpStatus()).isEqualTo(415);
              });
    }
  }

  @Test
  @DisplayName("a real PDF is accepted; without a declared type the detected one is recorded")
  void realTypes() throws IOException {
    try (UploadSpool spool = new UploadSpool(1 << 20, 1 << 20, dir)) {
      Upload pdf = spool.add("a.pdf", "application/pdf", new ByteArrayInputStream(PDF), true);
      assertThat(pdf.mediaType()).isEqualTo("application/pdf");
      assertThat(pdf.size()).isEqualTo(PDF.length);
      Upload unknown =
          spool.add("scan", "application/octet-stream", new ByteArrayInputStream(PDF), true);
      assertThat(unknown.mediaType()).isEqualTo("application/pdf");
      Upload exe = spool.add("tool.pdf", null, new ByteArrayInputStream(EXE), false);
      assertThat(exe.mediaType()).isNotEqualTo("application/pdf");
      try (InputStream in = pdf.open()) {
        assertThat(in.readAllBytes()).isEqualTo(PDF);
      }
    }
  }

  @Test
  @DisplayName("a Word file (a ZIP by its bytes) keeps its declared type, which refines the ZIP")
  void officeDocument() throws IOException {
    String docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
      z.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
      z.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
    }
    try (UploadSpool spool = new UploadSpool(1 << 20, 1 << 20, dir)) {
      Upload u = spool.add("Antrag.docx", docx, new ByteArrayInputStream(zip.toByteArray()), true);
      assertThat(u.mediaType()).isEqualTo(docx);
      assertThatThrownBy(
              () ->
                  spool.add(
                      "Antrag.pdf",
                      "application/pdf",
                      new ByteArrayInputStream(zip.toByteArray()),
                      true))
          .isInstanceOf(BuergerbueroException.class);
    }
  }

  @Test
  @DisplayName(
      "attachments together above the total cap are refused while reading (BB-2014), spool files"
          + " deleted")
  void totalCap() throws IOException {
    UploadSpool spool = new UploadSpool(600, 1000, dir);
    spool.add("a.pdf", "application/pdf", new ByteArrayInputStream(pad(PDF, 600)), true);
    CountingInputStream second = new CountingInputStream(new byte[100_000]);
    assertThatThrownBy(() -> spool.add("b.pdf", "application/pdf", second, true))
        .isInstanceOfSatisfying(
            BuergerbueroException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ApplicationsError.ATTACHMENTS_TOO_LARGE));
    assertThat(second.read).as("stops reading at the limit").isLessThan(10_000);
    assertThat(Files.list(dir).toList()).hasSize(1);
    spool.close();
    assertThat(Files.list(dir).toList()).isEmpty();
  }

  @Test
  @DisplayName("one attachment above the file limit is refused (BB-2004)")
  void fileCap() {
    try (UploadSpool spool = new UploadSpool(100, 1000, dir)) {
      assertThatThrownBy(
              () ->
                  spool.add(
                      "b.pdf", "application/pdf", new ByteArrayInputStream(pad(PDF, 101)), true))
          .isInstanceOfSatisfying(
              BuergerbueroException.class,
              e -> assertThat(e.errorCode()).isEqualTo(ApplicationsError.ATTACHMENT_TOO_LARGE));
    }
  }

  @Test
  @DisplayName("a service takes only its listed types; wildcards and specialisations match")
  void accepted() {
    assertThat(ContentTypes.accepted("application/pdf", List.of("application/pdf"))).isTrue();
    assertThat(ContentTypes.accepted("image/png", List.of("image/*"))).isTrue();
    assertThat(ContentTypes.accepted("text/csv", List.of("text/plain"))).isTrue();
    assertThat(
            ContentTypes.accepted(
                "application/x-msdownload", List.of("application/pdf", "image/*")))
        .isFalse();
  }

  static byte[] pad(byte[] start, int size) {
    byte[] b = new byte[size];
    System.arraycopy(start, 0, b, 0, Math.min(start.length, size));
    return b;
  }

  private static byte[] windowsExecutable() {
    byte[] b = new byte[512];
    b[0] = 'M';
    b[1] = 'Z';
    b[0x3C] = (byte) 0x80;
    byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(stub, 0, b, 0x4E, stub.length);
    b[0x80] = 'P';
    b[0x81] = 'E';
    return b;
  }

  private static final class CountingInputStream extends ByteArrayInputStream {
    long read;

    CountingInputStream(byte[] b) {
      super(b);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      int n = super.read(b, off, len);
      read += Math.max(0, n);
      return n;
    }
  }
}
