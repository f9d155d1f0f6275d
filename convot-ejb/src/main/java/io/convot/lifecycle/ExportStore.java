package io.convot.lifecycle;

import io.convot.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * The export job's reads and writes, each its own short transaction in the export's organization:
 * a page of records, then a chunk of the file with the progress so far. A job cut short (a crash,
 * a redelivered message) starts again from the beginning: {@link #start} drops the chunks written.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ExportStore {

  static final int PAGE = 1000;

  /**
   * The four files of an export and the rows each holds, in id order: every column of the row as
   * JSON (snake_case), with the columns that hold JSON text (a contact's company, an event's data)
   * as JSON, and a contact's session data and segments added.
   */
  enum Kind {
    CONTACTS("contacts.jsonl", "contacts", "to_jsonb(t) || jsonb_build_object('company', t.company::jsonb,"
        + " 'data', coalesce((SELECT jsonb_object_agg(d.key, d.value::jsonb) FROM contact_data d WHERE d.contact_id = t.id), '{}'::jsonb),"
        + " 'segments', coalesce((SELECT jsonb_agg(s.segment ORDER BY s.segment) FROM contact_segments s WHERE s.contact_id = t.id),"
        + " '[]'::jsonb))"),
    CONVERSATIONS("conversations.jsonl", "conversations", "to_jsonb(t)"),
    MESSAGES("messages.jsonl", "messages", "to_jsonb(t)"),
    EVENTS("events.jsonl", "contact_events", "to_jsonb(t) || jsonb_build_object('data', t.data::jsonb)");

    final String file;
    final String table;
    final String json;

    Kind(String file, String table, String json) {
      this.file = file;
      this.table = table;
      this.json = json;
    }
  }

  /** One record: its id (the page's key) and its JSON. */
  record Row(UUID id, String json) {}

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Tenancy tenancy;

  /** Marks the export running and counts its records; false when it is gone or no longer queued or running. */
  public boolean start(UUID organizationId, UUID exportId) {
    tenancy.enter(organizationId);
    OrganizationExport export = em.find(OrganizationExport.class, exportId);
    if (export == null || !("queued".equals(export.status()) || "running".equals(export.status()))) {
      return false;
    }
    em.createNativeQuery("DELETE FROM organization_export_chunks WHERE export_id = ?1").setParameter(1, exportId.toString())
        .executeUpdate();
    long total = 0;
    for (Kind kind : Kind.values()) {
      total += ((Number) em.createNativeQuery("SELECT count(*) FROM " + kind.table
          + " WHERE organization_id = convot_current_organization()").getSingleResult()).longValue();
    }
    export.started(total);
    return true;
  }

  public List<Row> page(UUID organizationId, Kind kind, UUID after) {
    tenancy.enter(organizationId);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("SELECT t.id, (" + kind.json + ")::text FROM " + kind.table + " t"
            + " WHERE t.organization_id = convot_current_organization() AND t.id > ?1 ORDER BY t.id LIMIT ?2")
        .setParameter(1, (after == null ? new UUID(0, 0) : after).toString()).setParameter(2, PAGE).getResultList();
    return rows.stream().map(row -> new Row(io.convot.common.Ids.uuid(row[0]), (String) row[1])).toList();
  }

  public void writeChunk(UUID organizationId, UUID exportId, int seq, byte[] data, long recordsWritten) {
    tenancy.enter(organizationId);
    em.createNativeQuery("INSERT INTO organization_export_chunks (export_id, organization_id, seq, data)"
            + " VALUES (?1, convot_current_organization(), ?2, ?3)")
        .setParameter(1, exportId.toString()).setParameter(2, seq).setParameter(3, data).executeUpdate();
    OrganizationExport export = em.find(OrganizationExport.class, exportId);
    if (export != null) {
      export.progressed(recordsWritten);
    }
  }

  public void finish(UUID organizationId, UUID exportId, long recordsWritten, long size, String sha256) {
    tenancy.enter(organizationId);
    OrganizationExport export = em.find(OrganizationExport.class, exportId);
    if (export != null) {
      export.progressed(recordsWritten);
      export.finished(size, sha256);
    }
  }

  public void fail(UUID organizationId, UUID exportId, String reason) {
    tenancy.enter(organizationId);
    OrganizationExport export = em.find(OrganizationExport.class, exportId);
    if (export != null) {
      export.failed(reason);
    }
  }

  /** An export past its 7 days: its file is deleted, its row stays (marked expired) until the organization goes. */
  public void expire(UUID organizationId, UUID exportId) {
    tenancy.enter(organizationId);
    em.createNativeQuery("DELETE FROM organization_export_chunks WHERE export_id = ?1").setParameter(1, exportId.toString())
        .executeUpdate();
    OrganizationExport export = em.find(OrganizationExport.class, exportId);
    if (export != null) {
      export.expired();
    }
  }
}
