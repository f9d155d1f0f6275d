package io.convot.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an export: a ZIP holding {@code contacts.jsonl}, {@code conversations.jsonl},
 * {@code messages.jsonl} and {@code events.jsonl} (one JSON object per line, every column of the
 * row, snake_case, in id order; a contact with its session data under {@code data}) and a
 * {@code manifest.json} with the counts. It streams: a page of 1,000 records is read at a time and
 * the file goes to the database in 1 MiB chunks as it grows, so neither a large organization nor
 * its file is ever whole in memory.
 */
@ApplicationScoped
public class ExportBuilder {

  private static final Logger LOG = Logger.getLogger(ExportBuilder.class.getName());
  static final int CHUNK = 1 << 20;

  @Inject ExportStore store;

  public void build(UUID organizationId, UUID exportId) {
    if (!store.start(organizationId, exportId)) {
      return;
    }
    try {
      ChunkSink sink = new ChunkSink(organizationId, exportId);
      Map<String, Long> counts = new LinkedHashMap<>();
      try (ZipOutputStream zip = new ZipOutputStream(sink, StandardCharsets.UTF_8)) {
        for (ExportStore.Kind kind : ExportStore.Kind.values()) {
          zip.putNextEntry(new ZipEntry(kind.file));
          long count = 0;
          UUID after = null;
          List<ExportStore.Row> page;
          do {
            page = store.page(organizationId, kind, after);
            for (ExportStore.Row row : page) {
              zip.write(row.json().getBytes(StandardCharsets.UTF_8));
              zip.write('\n');
            }
            count += page.size();
            sink.records += page.size();
            if (!page.isEmpty()) {
              after = page.get(page.size() - 1).id();
            }
          } while (page.size() == ExportStore.PAGE);
          zip.closeEntry();
          counts.put(kind.file, count);
        }
        zip.putNextEntry(new ZipEntry("manifest.json"));
        zip.write(manifest(organizationId, exportId, counts).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      store.finish(organizationId, exportId, sink.records, sink.size, HexFormat.of().formatHex(sink.digest.digest()));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Export " + exportId + " of organization " + organizationId + " failed", e);
      store.fail(organizationId, exportId, "The export could not be written; request a new one");
    }
  }

  private static String manifest(UUID organizationId, UUID exportId, Map<String, Long> counts) {
    StringBuilder files = new StringBuilder();
    counts.forEach((file, count) -> files.append(files.isEmpty() ? "" : ", ").append("\"").append(file).append("\": ").append(count));
    return "{\"format\": \"convot-export/1\", \"organization_id\": \"" + organizationId + "\", \"export_id\": \"" + exportId
        + "\", \"records\": {" + files + "}}\n";
  }

  /** Buffers the ZIP's bytes and stores each full MiB as the next chunk. */
  private final class ChunkSink extends OutputStream {
    private final UUID organizationId;
    private final UUID exportId;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK);
    private final MessageDigest digest;
    private int seq;
    long size;
    long records;

    ChunkSink(UUID organizationId, UUID exportId) {
      this.organizationId = organizationId;
      this.exportId = exportId;
      try {
        this.digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void write(int b) {
      buffer.write(b);
      if (buffer.size() >= CHUNK) {
        store();
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      while (length > 0) {
        int n = Math.min(length, CHUNK - buffer.size());
        buffer.write(bytes, offset, n);
        offset += n;
        length -= n;
        if (buffer.size() >= CHUNK) {
          store();
        }
      }
    }

    @Override
    public void close() {
      if (buffer.size() > 0) {
        store();
      }
    }

    private void store() {
      byte[] chunk = buffer.toByteArray();
      buffer.reset();
      digest.update(chunk);
      size += chunk.length;
      try {
        store.writeChunk(organizationId, exportId, seq++, chunk, records);
      } catch (RuntimeException e) {
        throw new UncheckedIOException(new IOException("chunk not stored", e));
      }
    }
  }
}
