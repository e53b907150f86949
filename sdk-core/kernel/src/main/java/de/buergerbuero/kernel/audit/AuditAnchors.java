package de.buergerbuero.kernel.audit;

import de.buergerbuero.kernel.time.Periodic;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Exports the chain's head as an {@link AuditAnchor} to a directory outside the database (a share
 * with write-once retention, another host), at start and then every {@code
 * buergerbuero.audit.anchor.interval-hours}, and compares the chain with the anchors found there.
 * One file per head position ({@code audit-anchor-<seq>.txt}); instances that anchor the same head
 * write the same file once.
 */
@ApplicationScoped
public class AuditAnchors {
  private static final Logger LOG = Logger.getLogger(AuditAnchors.class.getName());

  @Inject AuditLog audit;
  @Inject AuditSealer sealer;
  @Inject AuditKeys keys;
  @Inject Clock clock;
  @Resource ManagedScheduledExecutorService executor;

  @Inject
  @ConfigProperty(name = "buergerbuero.audit.anchor.directory")
  Optional<String> directory;

  @Inject
  @ConfigProperty(name = "buergerbuero.audit.anchor.interval-hours", defaultValue = "24")
  long intervalHours;

  private ScheduledFuture<?> task;

  void start(@Observes @Priority(1200) Startup startup) {
    if (directory.isEmpty() || directory.get().isBlank()) {
      LOG.warning(
          "buergerbuero.audit.anchor.directory is not set: no audit anchors are exported, so"
              + " deleting the newest audit entries cannot be detected");
      return;
    }
    task =
        Periodic.every(
            executor, intervalHours * 3_600_000L, LOG, "Exporting the audit anchor", this::export);
    executor.execute(
        () -> {
          try {
            export();
          } catch (RuntimeException e) {
            LOG.warning("Exporting the audit anchor at start failed: " + e);
          }
        });
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  /** Seals what is pending and writes the head as an anchor; returns it (empty: no directory). */
  public Optional<AuditAnchor> export() {
    Optional<Path> dir = dir();
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    sealer.sealAll();
    AuditLog.Head head = audit.head();
    AuditKey key = keys.chain();
    AuditAnchor anchor =
        new AuditAnchor(head.seq(), head.hash(), head.unkeyedUntil(), key.id(), clock.instant());
    try {
      Files.createDirectories(dir.get());
      Path target = dir.get().resolve(String.format("audit-anchor-%012d.txt", head.seq()));
      if (Files.exists(target)) {
        return Optional.of(anchor);
      }
      Path tmp = Files.createTempFile(dir.get(), ".anchor-", ".tmp");
      try {
        Files.writeString(tmp, anchor.toText(key), StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        // another instance anchored the same head
      } finally {
        Files.deleteIfExists(tmp);
      }
      LOG.info(() -> "Audit anchor exported: entry " + head.seq() + " to " + target);
      return Optional.of(anchor);
    } catch (IOException e) {
      throw new UncheckedIOException("audit anchor directory not writable", e);
    }
  }

  /**
   * Compares the chain with every anchor in the directory (an unreadable or forged anchor is a
   * problem too); returns the number of anchors checked and the first problem.
   */
  public Result verify() {
    Optional<Path> dir = dir();
    if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
      return new Result(0, Optional.empty());
    }
    List<AuditAnchor> anchors = new ArrayList<>();
    try (var files = Files.list(dir.get())) {
      for (Path f :
          files
              .filter(p -> p.getFileName().toString().startsWith("audit-anchor-"))
              .sorted()
              .toList()) {
        try {
          anchors.add(AuditAnchor.parse(Files.readString(f, StandardCharsets.UTF_8), keys.chain()));
        } catch (IllegalArgumentException e) {
          return new Result(
              anchors.size(),
              Optional.of(new AuditAnchor.Problem(0, f.getFileName() + ": " + e.getMessage())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("audit anchor directory not readable", e);
    }
    AuditLog.Head head = audit.head();
    return new Result(
        anchors.size(), AuditAnchor.check(anchors, head, seq -> audit.hashAt(seq).orElse(null)));
  }

  /** How many anchors were compared, and the first problem. */
  public record Result(int anchorsChecked, Optional<AuditAnchor.Problem> problem) {}

  private Optional<Path> dir() {
    return directory.filter(d -> !d.isBlank()).map(Path::of);
  }
}
