package io.convot.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantTablesTest {

  private static List<String> names(List<TenantTables.Table> tables) {
    return tables.stream().map(TenantTables.Table::name).toList();
  }

  private static int at(List<String> order, String table) {
    return order.indexOf(table);
  }

  @Test
  void aTableComesBeforeEveryTableItReferences() {
    Map<String, Boolean> tables = Map.of("apps", false, "contacts", true, "conversations", true, "messages", true, "members", false,
        "conversation_reads", false);
    // parent -> the tables that reference it
    Map<String, Set<String>> referencedBy = Map.of(
        "apps", Set.of("contacts", "conversations", "messages"),
        "contacts", Set.of("conversations"),
        "conversations", Set.of("messages", "conversation_reads"),
        "members", Set.of("conversations", "messages", "conversation_reads"),
        "organizations", Set.of("apps", "members", "contacts"));

    List<String> order = names(TenantTables.order(tables, referencedBy));

    assertEquals(tables.keySet(), Set.copyOf(order));
    assertEquals(tables.size(), order.size());
    for (var parent : referencedBy.entrySet()) {
      for (String child : parent.getValue()) {
        if (tables.containsKey(parent.getKey())) {
          assertTrue(at(order, child) < at(order, parent.getKey()), child + " before " + parent.getKey() + ": " + order);
        }
      }
    }
  }

  @Test
  void aCycleOfReferencesStillPlacesEveryTableOnce() {
    Map<String, Boolean> tables = Map.of("a", false, "b", false, "c", false);
    Map<String, Set<String>> referencedBy = Map.of("a", Set.of("b"), "b", Set.of("a"), "c", Set.of("a"));

    List<String> order = names(TenantTables.order(tables, referencedBy));

    assertEquals(3, order.size());
    assertEquals(Set.of("a", "b", "c"), Set.copyOf(order));
  }

  @Test
  void theAppIdColumnIsKept() {
    List<TenantTables.Table> order = TenantTables.order(Map.of("contacts", true, "members", false), Map.of());
    assertEquals(List.of(new TenantTables.Table("contacts", true), new TenantTables.Table("members", false)), order);
  }

  @Test
  void namesAreQuotedAsIdentifiers() {
    assertEquals("\"messages\"", TenantTables.quoted("messages"));
    assertEquals("\"odd\"\"name\"", TenantTables.quoted("odd\"name"));
  }
}
