package io.convot.imports;

import java.time.Instant;
import java.util.UUID;

/** An import on the wire: never its credentials. */
public record ImportView(
    UUID id,
    String source,
    UUID appId,
    String websiteId,
    String status,
    Progress progress,
    Instant resumesAt,
    String error,
    Instant createdAt,
    Instant finishedAt) {

  /** What it created so far, and the pages it stored ({@code pages_total} once known: Crisp does not count conversations). */
  public record Progress(int contacts, int conversations, int messages, int pagesDone, Integer pagesTotal) {}

  static ImportView of(Import imported) {
    return new ImportView(imported.id(), imported.source(), imported.appId(), imported.websiteId(), imported.status().name(),
        new Progress(imported.contacts(), imported.conversations(), imported.messages(), imported.pagesDone(), imported.pagesTotal()),
        imported.resumesAt(), imported.error(), imported.createdAt(), imported.finishedAt());
  }
}
