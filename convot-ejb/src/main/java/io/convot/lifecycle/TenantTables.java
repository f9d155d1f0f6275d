package io.convot.lifecycle;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables that hold an organization's rows, read from PostgreSQL's catalog rather than listed by
 * hand, so a table added by a later migration is deleted too: every table of the schema with an
 * {@code organization_id} column that the application role may delete from (every tenant table is
 * granted so; a table it may only read, such as a benchmark's scratch table, is none of its
 * business), ordered so that a table comes before every table it references (children first): each
 * batch then deletes rows nothing else points at any more, and cascades stay small.
 */
record TenantTables(List<Table> inDeletionOrder) {

  /** A tenant table and whether it has an {@code app_id} column (an app's deletion reads those). */
  record Table(String name, boolean hasAppId) {}

  static TenantTables read(EntityManager em) {
    @SuppressWarnings("unchecked")
    List<Object[]> tables = em.createNativeQuery("""
        SELECT c.relname::text,
               EXISTS (SELECT 1 FROM pg_attribute b WHERE b.attrelid = c.oid AND b.attname = 'app_id' AND NOT b.attisdropped)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND has_table_privilege(c.oid, 'DELETE')
        ORDER BY c.relname""").getResultList();
    @SuppressWarnings("unchecked")
    List<Object[]> references = em.createNativeQuery("""
        SELECT child.relname::text, parent.relname::text
        FROM pg_constraint k
        JOIN pg_class child ON child.oid = k.conrelid
        JOIN pg_class parent ON parent.oid = k.confrelid
        JOIN pg_namespace n ON n.oid = child.relnamespace
        WHERE k.contype = 'f' AND n.nspname = current_schema() AND k.conrelid <> k.confrelid""").getResultList();
    Map<String, Boolean> appIds = new HashMap<>();
    tables.forEach(row -> appIds.put((String) row[0], (Boolean) row[1]));
    Map<String, Set<String>> referencedBy = new HashMap<>();
    for (Object[] row : references) {
      referencedBy.computeIfAbsent((String) row[1], parent -> new TreeSet<>()).add((String) row[0]);
    }
    return new TenantTables(order(appIds, referencedBy));
  }

  // Depth-first: a table is placed once every tenant table that references it is placed.
  static List<Table> order(Map<String, Boolean> tables, Map<String, Set<String>> referencedBy) {
    Set<String> placed = new LinkedHashSet<>();
    Set<String> visiting = new HashSet<>();
    for (String table : new TreeSet<>(tables.keySet())) {
      place(table, tables, referencedBy, placed, visiting);
    }
    List<Table> ordered = new ArrayList<>();
    placed.forEach(name -> ordered.add(new Table(name, tables.get(name))));
    return ordered;
  }

  private static void place(String table, Map<String, Boolean> tables, Map<String, Set<String>> referencedBy, Set<String> placed,
      Set<String> visiting) {
    if (placed.contains(table) || !visiting.add(table)) {
      return; // a cycle of references: its cascades settle it
    }
    for (String child : referencedBy.getOrDefault(table, Set.of())) {
      if (tables.containsKey(child)) {
        place(child, tables, referencedBy, placed, visiting);
      }
    }
    visiting.remove(table);
    placed.add(table);
  }

  /** A table name from the catalog as a quoted SQL identifier. */
  static String quoted(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
