package io.convot.imports;

import io.convot.common.Emails;
import io.convot.common.JsonText;
import io.convot.contact.Contact;
import io.convot.contact.ContactChange;
import io.convot.contact.ContactView;
import io.convot.event.Outbox;
import io.convot.member.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores what one step read, in the step's transaction (the caller entered the organization).
 * Contacts go through JPA, each with its {@code contact.created}; conversations, messages and
 * resolutions are written in bulk (one statement per kind and page), with no message or
 * conversation event, no live update and no notification: imported history is not news.
 */
@ApplicationScoped
public class ImportWriter {

  private static final int CHUNK = 1000;

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject Outbox outbox;

  /** What a page added. */
  record Stored(int contacts, int conversations, int messages) {}

  /** People become contacts, matched by email, else by Crisp's people_id; answers how many were created. */
  int people(UUID appId, List<CrispPerson> people) {
    Contacts contacts = new Contacts(appId);
    contacts.load(people.stream().map(CrispPerson::sourceKey).toList(), people.stream().map(person -> email(person.email())).toList());
    int created = 0;
    for (CrispPerson person : people) {
      if (contacts.find(email(person.email()), person.sourceKey()) == null) {
        contacts.create(person.sourceKey(), person.createdAt(), email(person.email()), person.nickname(), person.avatar(),
            person.phone(), person.company(), Map.of(), person.segments());
        created++;
      }
    }
    em.flush();
    return created;
  }

  /** A page of conversations with all their messages. */
  Stored conversations(UUID appId, List<CrispConversation> page, Map<String, List<CrispMessage>> messages) {
    if (page.isEmpty()) {
      return new Stored(0, 0, 0);
    }
    Contacts contacts = new Contacts(appId);
    contacts.load(page.stream().map(CrispConversation::contactSourceKey).toList(),
        page.stream().map(conversation -> email(conversation.email())).toList());
    Map<String, UUID> contactOf = new HashMap<>();
    int createdContacts = 0;
    for (CrispConversation conversation : page) {
      String email = email(conversation.email());
      Contact contact = contacts.find(email, conversation.contactSourceKey());
      if (contact == null) {
        contact = contacts.create(conversation.contactSourceKey(), conversation.createdAt(), email, conversation.nickname(),
            conversation.avatar(), conversation.phone(), null, conversation.data(), conversation.segments());
        createdContacts++;
      }
      contactOf.put(conversation.sessionId(), contact.id());
    }
    em.flush();

    Set<UUID> created = insertConversations(appId, page, messages, contactOf);
    Map<String, UUID> ids = conversationIds(appId, page);
    Inserted inserted = new Inserted(created);
    insertMessages(appId, page, messages, ids, members(), inserted);
    storeFacts(inserted.facts.values());
    recomputeFacts(inserted.touched);
    recordResolutions(created);
    return new Stored(createdContacts, created.size(), inserted.count);
  }

  private Set<UUID> insertConversations(UUID appId, List<CrispConversation> page, Map<String, List<CrispMessage>> messages,
      Map<String, UUID> contactOf) {
    StringWriter rows = new StringWriter(page.size() * 160);
    try (JsonGenerator json = JsonText.JSON.createGenerator(rows)) {
      json.writeStartArray();
      for (CrispConversation conversation : page) {
        List<CrispMessage> own = messages.getOrDefault(conversation.sessionId(), List.of());
        long first = own.isEmpty() ? 0 : own.get(0).timestamp();
        long last = own.isEmpty() ? 0 : own.get(own.size() - 1).timestamp();
        long createdAt = conversation.createdAt() > 0 ? Math.min(conversation.createdAt(), first > 0 ? first : Long.MAX_VALUE)
            : (first > 0 ? first : System.currentTimeMillis());
        long updatedAt = Math.max(Math.max(conversation.updatedAt(), last), createdAt);
        json.writeStartObject().write("contact_id", contactOf.get(conversation.sessionId()).toString())
            .write("resolved", conversation.isResolved()).write("created_at", createdAt).write("updated_at", updatedAt)
            .write("source_key", conversation.sourceKey()).writeEnd();
      }
      json.writeEnd();
    }
    // Times travel as milliseconds since the epoch; a resolved conversation was resolved when Crisp last changed it.
    @SuppressWarnings("unchecked")
    List<Object> inserted = em.createNativeQuery("""
        INSERT INTO conversations (id, organization_id, app_id, contact_id, status, created_at, updated_at, resolved_at,
            last_activity_at, source_key)
        SELECT gen_random_uuid(), convot_current_organization(), ?1, r.contact_id,
               CASE WHEN r.resolved THEN 'resolved' ELSE 'open' END, t.created_at, t.updated_at,
               CASE WHEN r.resolved THEN t.updated_at END, t.created_at, r.source_key
        FROM jsonb_to_recordset(?2::jsonb) AS r(contact_id uuid, resolved boolean, created_at bigint, updated_at bigint,
            source_key text),
             LATERAL (SELECT timestamptz 'epoch' + r.created_at * interval '1 millisecond' AS created_at,
                             timestamptz 'epoch' + r.updated_at * interval '1 millisecond' AS updated_at) t
        ON CONFLICT (app_id, source_key) WHERE source_key IS NOT NULL DO NOTHING
        RETURNING id""").setParameter(1, appId).setParameter(2, rows.toString()).getResultList();
    Set<UUID> created = new HashSet<>();
    inserted.forEach(id -> created.add(io.convot.common.Ids.uuid(id)));
    return created;
  }

  private Map<String, UUID> conversationIds(UUID appId, List<CrispConversation> page) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("SELECT source_key, id FROM conversations WHERE app_id = ?1 AND source_key = ANY(?2::text[])")
        .setParameter(1, appId).setParameter(2, textArray(page.stream().map(CrispConversation::sourceKey).toList())).getResultList();
    Map<String, UUID> ids = new HashMap<>();
    rows.forEach(row -> ids.put(row[0].toString(), io.convot.common.Ids.uuid(row[1])));
    return ids;
  }

  private void insertMessages(UUID appId, List<CrispConversation> page, Map<String, List<CrispMessage>> messages,
      Map<String, UUID> ids, Map<String, UUID> members, Inserted inserted) {
    Chunk chunk = new Chunk();
    for (CrispConversation conversation : page) {
      UUID conversationId = ids.get(conversation.sourceKey());
      if (conversationId == null) {
        continue;
      }
      String conversationText = conversationId.toString();
      for (CrispMessage message : messages.getOrDefault(conversation.sessionId(), List.of())) {
        String text = message.text();
        if (text == null) {
          continue;
        }
        boolean agent = message.fromAgent();
        UUID member = agent && message.author() != null ? members.get(message.author().toLowerCase(Locale.ROOT)) : null;
        String authorName = agent && member == null ? CrispJson.cut(message.author(), 200) : null;
        JsonGenerator json = chunk.next();
        json.writeStartObject().write("conversation_id", conversationText).write("agent", agent);
        if (member != null) {
          json.write("member_id", member.toString());
        }
        json.write("private", message.isNote()).write("text", text).write("created_at", message.timestamp())
            .write("source_key", message.sourceKey());
        if (authorName != null) {
          json.write("author_name", authorName);
        }
        json.writeEnd();
        if (chunk.size == CHUNK) {
          insertMessages(appId, chunk.end(), inserted);
          chunk = new Chunk();
        }
      }
    }
    if (chunk.size > 0) {
      insertMessages(appId, chunk.end(), inserted);
    }
  }

  /** One statement's rows of messages, written as a JSON array as they come. */
  private static final class Chunk {
    private final StringWriter text = new StringWriter(CHUNK * 200);
    private final JsonGenerator json = JsonText.JSON.createGenerator(text);
    private int size;

    Chunk() {
      json.writeStartArray();
    }

    JsonGenerator next() {
      size++;
      return json;
    }

    String end() {
      json.writeEnd().close();
      return text.toString();
    }
  }

  /** Inserts a chunk of messages (times in milliseconds since the epoch) and notes what was new. */
  private void insertMessages(UUID appId, String rows, Inserted inserted) {
    @SuppressWarnings("unchecked")
    List<Object[]> stored = em.createNativeQuery("""
        INSERT INTO messages (id, organization_id, app_id, conversation_id, author_type, member_id, private, text,
            created_at, updated_at, source_key, author_name)
        SELECT gen_random_uuid(), convot_current_organization(), ?1, r.conversation_id,
               CASE WHEN r.agent THEN 'agent' ELSE 'visitor' END, r.member_id, r.private, r.text,
               t.created_at, t.created_at, r.source_key, r.author_name
        FROM jsonb_to_recordset(?2::jsonb) AS r(conversation_id uuid, agent boolean, member_id uuid, private boolean, text text,
            created_at bigint, source_key text, author_name text),
             LATERAL (SELECT timestamptz 'epoch' + r.created_at * interval '1 millisecond' AS created_at) t
        ON CONFLICT (conversation_id, source_key) WHERE source_key IS NOT NULL DO NOTHING
        RETURNING conversation_id, id, created_at, author_type = 'visitor', private, member_id""")
        .setParameter(1, appId).setParameter(2, rows).getResultList();
    for (Object[] row : stored) {
      inserted.add(io.convot.common.Ids.uuid(row[0]), io.convot.common.Ids.uuid(row[1]), io.convot.common.Timestamps.of(row[2]),
          Boolean.TRUE.equals(row[3]), Boolean.TRUE.equals(row[4]), row[5] == null ? null : io.convot.common.Ids.uuid(row[5]));
    }
  }

  /** What a page's message inserts added: their count, the facts of the conversations the page created, the others touched. */
  private static final class Inserted {
    private final Set<UUID> created;
    private final Map<UUID, Facts> facts = new HashMap<>();
    private final Set<UUID> touched = new HashSet<>();
    private int count;

    Inserted(Set<UUID> created) {
      this.created = created;
    }

    void add(UUID conversation, UUID id, Instant at, boolean visitor, boolean isPrivate, UUID member) {
      count++;
      if (created.contains(conversation)) {
        facts.computeIfAbsent(conversation, Facts::new).add(id, at, visitor, isPrivate, member);
      } else {
        touched.add(conversation);
      }
    }
  }

  /**
   * The facts of a conversation the page created, from the messages inserted for it (all it has),
   * as {@link #recomputeFacts} reads them from the table: latest message (ties by id, in
   * PostgreSQL's order of uuids), first and latest visitor message, latest public reply, the first
   * public reply at or after the first visitor message, and the visitor's first message after it.
   */
  private static final class Facts {
    private final UUID conversation;
    private final List<Reply> replies = new java.util.ArrayList<>();
    private final List<Instant> visitor = new java.util.ArrayList<>();
    private UUID lastId;
    private Instant lastAt;
    private Instant firstVisitor;
    private Instant lastVisitor;
    private Instant lastReply;

    private record Reply(Instant at, UUID id, UUID member) {}

    Facts(UUID conversation) {
      this.conversation = conversation;
    }

    void add(UUID id, Instant at, boolean fromVisitor, boolean isPrivate, UUID member) {
      if (lastAt == null || at.isAfter(lastAt) || at.equals(lastAt) && compare(id, lastId) > 0) {
        lastAt = at;
        lastId = id;
      }
      if (fromVisitor) {
        visitor.add(at);
        firstVisitor = firstVisitor == null || at.isBefore(firstVisitor) ? at : firstVisitor;
        lastVisitor = lastVisitor == null || at.isAfter(lastVisitor) ? at : lastVisitor;
      } else if (!isPrivate) {
        replies.add(new Reply(at, id, member));
        lastReply = lastReply == null || at.isAfter(lastReply) ? at : lastReply;
      }
    }

    Reply firstReply() {
      return firstVisitor == null ? null : replies.stream().filter(reply -> !reply.at().isBefore(firstVisitor))
          .min((a, b) -> a.at().equals(b.at()) ? compare(a.id(), b.id()) : a.at().compareTo(b.at())).orElse(null);
    }

    Instant waitingSince() {
      return visitor.stream().filter(at -> lastReply == null || at.isAfter(lastReply)).min(Instant::compareTo).orElse(null);
    }

    /** PostgreSQL orders uuids by their bytes, unsigned. */
    private static int compare(UUID a, UUID b) {
      int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
      return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
  }

  /** Writes the facts of the conversations a page created, in one statement. */
  private void storeFacts(Collection<Facts> facts) {
    if (facts.isEmpty()) {
      return;
    }
    StringWriter rows = new StringWriter(facts.size() * 300);
    try (JsonGenerator json = JsonText.JSON.createGenerator(rows)) {
      json.writeStartArray();
      for (Facts conversation : facts) {
        Facts.Reply first = conversation.firstReply();
        json.writeStartObject().write("id", conversation.conversation.toString()).write("last_id", conversation.lastId.toString())
            .write("last_at", conversation.lastAt.toString());
        writeTime(json, "last_visitor", conversation.lastVisitor);
        writeTime(json, "first_visitor", conversation.firstVisitor);
        writeTime(json, "waiting_since", conversation.waitingSince());
        if (first != null) {
          json.write("first_reply_at", first.at().toString());
          if (first.member() != null) {
            json.write("first_responder", first.member().toString());
          }
        }
        json.writeEnd();
      }
      json.writeEnd();
    }
    em.createNativeQuery("""
        UPDATE conversations c SET last_message_id = r.last_id, last_message_at = r.last_at, last_activity_at = r.last_at,
               last_visitor_message_at = r.last_visitor, waiting_since = r.waiting_since,
               first_visitor_message_at = r.first_visitor, first_reply_at = r.first_reply_at, first_responder_id = r.first_responder
        FROM jsonb_to_recordset(?1::jsonb) AS r(id uuid, last_id uuid, last_at timestamptz, last_visitor timestamptz,
            first_visitor timestamptz, waiting_since timestamptz, first_reply_at timestamptz, first_responder uuid)
        WHERE c.id = r.id""").setParameter(1, rows.toString()).executeUpdate();
  }

  private static void writeTime(JsonGenerator json, String name, Instant at) {
    if (at != null) {
      json.write(name, at.toString());
    }
  }

  /**
   * What the inbox and the reports read of a conversation without its messages, from its messages
   * as they now are (as the V11 and V15 migrations computed them): latest message and activity,
   * latest visitor message and since when the visitor waits, first visitor message and first reply.
   * For conversations that existed already (a re-run adding messages), which are also marked changed
   * now, for catch-up and {@code updated_since}; those the page created get theirs from {@link #storeFacts}.
   */
  private void recomputeFacts(Set<UUID> touched) {
    if (touched.isEmpty()) {
      return;
    }
    // Each part reads the touched conversations' messages through messages_conversation_created.
    em.createNativeQuery("""
        WITH latest AS (SELECT DISTINCT ON (m.conversation_id) m.conversation_id, m.id, m.created_at
                        FROM messages m WHERE m.conversation_id = ANY(?1::uuid[])
                        ORDER BY m.conversation_id, m.created_at DESC, m.id DESC),
        facts AS (SELECT m.conversation_id,
                    max(m.created_at) FILTER (WHERE m.author_type = 'visitor' AND m.deleted_at IS NULL) AS last_visitor,
                    min(m.created_at) FILTER (WHERE m.author_type = 'visitor') AS first_visitor,
                    max(m.created_at) FILTER (WHERE m.author_type = 'agent' AND NOT m.private AND m.deleted_at IS NULL) AS last_reply
                  FROM messages m WHERE m.conversation_id = ANY(?1::uuid[]) GROUP BY m.conversation_id),
        first_reply AS (SELECT DISTINCT ON (m.conversation_id) m.conversation_id, m.created_at, m.member_id
                        FROM messages m JOIN facts f ON f.conversation_id = m.conversation_id
                        WHERE m.conversation_id = ANY(?1::uuid[]) AND m.author_type = 'agent' AND NOT m.private
                          AND m.created_at >= f.first_visitor
                        ORDER BY m.conversation_id, m.created_at, m.id),
        waiting AS (SELECT m.conversation_id, min(m.created_at) AS since
                    FROM messages m JOIN facts f ON f.conversation_id = m.conversation_id
                    WHERE m.conversation_id = ANY(?1::uuid[]) AND m.author_type = 'visitor' AND m.deleted_at IS NULL
                      AND m.created_at > coalesce(f.last_reply, '-infinity')
                    GROUP BY m.conversation_id)
        UPDATE conversations c SET last_message_id = l.id, last_message_at = l.created_at, last_activity_at = l.created_at,
               last_visitor_message_at = f.last_visitor, waiting_since = w.since,
               first_visitor_message_at = f.first_visitor, first_reply_at = r.created_at, first_responder_id = r.member_id,
               updated_at = greatest(c.updated_at, now())
        FROM latest l JOIN facts f ON f.conversation_id = l.conversation_id
             LEFT JOIN first_reply r ON r.conversation_id = l.conversation_id
             LEFT JOIN waiting w ON w.conversation_id = l.conversation_id
        WHERE c.id = l.conversation_id AND c.id = ANY(?1::uuid[])""")
        .setParameter(1, uuidArray(touched)).executeUpdate();
  }

  /** A resolved conversation counts in the reports as resolved when Crisp last changed it. */
  private void recordResolutions(Set<UUID> created) {
    if (created.isEmpty()) {
      return;
    }
    em.createNativeQuery("""
        INSERT INTO conversation_resolutions (id, organization_id, app_id, conversation_id, member_id,
            conversation_created_at, resolved_at)
        SELECT gen_random_uuid(), c.organization_id, c.app_id, c.id, NULL, c.created_at, c.resolved_at
        FROM conversations c
        WHERE c.id = ANY(?1::uuid[]) AND c.status = 'resolved'
          AND c.resolved_at IS NOT NULL""").setParameter(1, uuidArray(created)).executeUpdate();
  }

  /** Members by name, for replies Crisp credits to an operator by nickname: only names no two members share. */
  private Map<String, UUID> members() {
    Map<String, UUID> byName = new HashMap<>();
    Set<String> shared = new HashSet<>();
    for (Member member : em.createQuery("SELECT m FROM Member m", Member.class).getResultList()) {
      if (member.name() == null) {
        continue;
      }
      String name = member.name().strip().toLowerCase(Locale.ROOT);
      if (byName.putIfAbsent(name, member.id()) != null) {
        shared.add(name);
      }
    }
    shared.forEach(byName::remove);
    return byName;
  }

  /** A PostgreSQL array literal of ids, for {@code ?::uuid[]}. */
  private static String uuidArray(Collection<UUID> ids) {
    return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
  }

  /** A PostgreSQL array literal of texts, each quoted, for {@code ?::text[]}. */
  private static String textArray(Collection<String> texts) {
    return "{" + String.join(",", texts.stream()
        .map(text -> "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
  }

  /** An email a contact can keep, normalized; anything else is dropped. */
  private static String email(String email) {
    return email != null && email.length() <= 254 && Emails.isValid(email) ? Emails.normalize(email) : null;
  }

  /** The app's contacts an import may mean: by source key (deleted ones too: the team removed them), else by email. */
  private final class Contacts {
    private final UUID appId;
    private final Map<String, Contact> bySourceKey = new HashMap<>();
    private final Map<String, Contact> byEmail = new LinkedHashMap<>();

    Contacts(UUID appId) {
      this.appId = appId;
    }

    void load(List<String> sourceKeys, List<String> emails) {
      List<String> wanted = emails.stream().filter(java.util.Objects::nonNull).distinct().toList();
      for (Contact contact : em.createQuery("SELECT c FROM Contact c WHERE c.appId = :app AND c.sourceKey IN :keys", Contact.class)
          .setParameter("app", appId).setParameter("keys", sourceKeys.isEmpty() ? List.of("") : sourceKeys).getResultList()) {
        bySourceKey.put(contact.sourceKey(), contact);
      }
      if (!wanted.isEmpty()) {
        for (Contact contact : em.createQuery("SELECT c FROM Contact c WHERE c.appId = :app AND LOWER(c.email) IN :emails"
                + " AND c.deletedAt IS NULL ORDER BY c.verified DESC, c.updatedAt DESC, c.id", Contact.class)
            .setParameter("app", appId).setParameter("emails", wanted).getResultList()) {
          byEmail.putIfAbsent(contact.email(), contact);
        }
      }
    }

    Contact find(String email, String sourceKey) {
      Contact found = email == null ? null : byEmail.get(email);
      return found != null ? found : bySourceKey.get(sourceKey);
    }

    Contact create(String sourceKey, long createdAt, String email, String nickname, String avatar, String phone,
        String company, Map<String, String> data, List<String> segments) {
      Contact contact = Contact.imported(appId, sourceKey, createdAt > 0 ? Instant.ofEpochMilli(createdAt) : io.convot.common.Timestamps.now(),
          email, CrispJson.cut(nickname, 200), avatar != null && avatar.length() <= 2000 ? avatar : null,
          phone != null && phone.length() <= 50 ? phone : null, company, data,
          segments.stream().filter(segment -> segment.length() <= 100).distinct().toList());
      em.persist(contact);
      outbox.record(new ContactChange.ContactCreated(appId, ContactView.of(contact)));
      bySourceKey.put(sourceKey, contact);
      if (email != null) {
        byEmail.putIfAbsent(email, contact);
      }
      return contact;
    }
  }
}
