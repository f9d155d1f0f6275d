package io.convot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.convot.common.JsonText;
import io.convot.contact.ContactChange.ContactCreated;
import io.convot.contact.ContactChange.ContactIdentified;
import io.convot.contact.ContactView;
import io.convot.conversation.ConversationEvent.Assignee;
import io.convot.conversation.ConversationEvent.ConversationAssigned;
import io.convot.conversation.ConversationEvent.ConversationCreated;
import io.convot.conversation.ConversationEvent.ConversationReopened;
import io.convot.conversation.ConversationEvent.ConversationResolved;
import io.convot.conversation.ConversationEvent.MessageDeleted;
import io.convot.conversation.ConversationEvent.MessageReceived;
import io.convot.conversation.ConversationEvent.MessageSent;
import io.convot.event.EventType;
import io.convot.event.Outbox;
import io.convot.event.OutboxEvent;
import io.convot.realtime.LiveUpdates;
import io.convot.webhook.WebhookTestEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON integrators and the widget read: event data as webhooks.md documents it, and live updates. */
class EventJsonTest {

  private static final UUID APP = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID CONTACT = UUID.fromString("00000000-0000-0000-0000-00000000000c");
  private static final UUID CONVERSATION = UUID.fromString("00000000-0000-0000-0000-0000000000c0");
  private static final UUID MESSAGE = UUID.fromString("00000000-0000-0000-0000-00000000000e");
  private static final UUID MEMBER = UUID.fromString("00000000-0000-0000-0000-00000000000f");
  private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

  private final ContactView contact = new ContactView(CONTACT, APP, null, "ada@example.com", false, null, null, null,
      JsonValue.NULL, Map.of(), List.of(), AT, AT);
  private final ConversationView conversation = new ConversationView(CONVERSATION, APP, CONTACT, "OPEN", null, AT, AT, null, AT,
      JsonValue.EMPTY_JSON_ARRAY, contact);
  private final MessageView message = new MessageView(MESSAGE, CONVERSATION, APP, "contact", false, "<b>hi</b>", null, AT, AT, null);

  private static final String CONTACT_JSON = """
      {"id":"00000000-0000-0000-0000-00000000000c","app_id":"00000000-0000-0000-0000-00000000000a","external_id":null,
       "email":"ada@example.com","verified":false,"nickname":null,"avatar":null,"phone":null,"company":null,"data":{},
       "segments":[],"created_at":"2026-01-02T03:04:05Z","updated_at":"2026-01-02T03:04:05Z"}""";
  private static final String CONVERSATION_JSON = """
      {"id":"00000000-0000-0000-0000-0000000000c0","app_id":"00000000-0000-0000-0000-00000000000a",
       "contact_id":"00000000-0000-0000-0000-00000000000c","status":"OPEN","assignee_id":null,
       "created_at":"2026-01-02T03:04:05Z","updated_at":"2026-01-02T03:04:05Z","resolved_at":null,
       "last_message_at":"2026-01-02T03:04:05Z","qualification_answers":[],"contact":%s}""".formatted(CONTACT_JSON);
  private static final String MESSAGE_JSON = """
      {"id":"00000000-0000-0000-0000-00000000000e","conversation_id":"00000000-0000-0000-0000-0000000000c0",
       "app_id":"00000000-0000-0000-0000-00000000000a","from":"contact","private":false,"text":"<b>hi</b>","author":null,
       "created_at":"2026-01-02T03:04:05Z","updated_at":"2026-01-02T03:04:05Z","deleted_at":null}""";

  private static void assertData(String expected, EventType type, OutboxEvent event) {
    assertEquals(type, event.type());
    assertEquals(JsonText.read(expected), Outbox.dataOf(event), type.wireName());
  }

  @Test
  void messageEventsCarryTheMessageItsConversationAndTheContact() {
    String full = """
        {"message":%s,"conversation":%s,"contact":%s}""".formatted(MESSAGE_JSON, CONVERSATION_JSON, CONTACT_JSON);
    assertData(full, EventType.MESSAGE_RECEIVED, new MessageReceived(APP, message, conversation, contact));
    assertData(full, EventType.MESSAGE_SENT, new MessageSent(APP, message, conversation, contact));
    assertData("""
        {"message":%s,"conversation":%s}""".formatted(MESSAGE_JSON, CONVERSATION_JSON),
        EventType.MESSAGE_DELETED, new MessageDeleted(APP, message, conversation));
  }

  @Test
  void conversationEventsCarryTheConversationAndWhatChanged() {
    assertData("""
        {"conversation":%s,"contact":%s}""".formatted(CONVERSATION_JSON, CONTACT_JSON),
        EventType.CONVERSATION_CREATED, new ConversationCreated(APP, conversation, contact));
    assertData("""
        {"conversation":%s,"assignee":{"id":"00000000-0000-0000-0000-00000000000f","name":"Grace","email":"grace@example.com"}}"""
            .formatted(CONVERSATION_JSON),
        EventType.CONVERSATION_ASSIGNED, new ConversationAssigned(APP, conversation, new Assignee(MEMBER, "Grace", "grace@example.com")));
    assertData("""
        {"conversation":%s,"assignee":null}""".formatted(CONVERSATION_JSON),
        EventType.CONVERSATION_ASSIGNED, new ConversationAssigned(APP, conversation, null));
    assertData("""
        {"conversation":%s}""".formatted(CONVERSATION_JSON), EventType.CONVERSATION_RESOLVED, new ConversationResolved(APP, conversation));
    assertData("""
        {"conversation":%s}""".formatted(CONVERSATION_JSON), EventType.CONVERSATION_REOPENED, new ConversationReopened(APP, conversation));
  }

  @Test
  void contactEventsCarryTheContactAndWhetherTheIdentityIsVerified() {
    assertData("""
        {"contact":%s}""".formatted(CONTACT_JSON), EventType.CONTACT_CREATED, new ContactCreated(APP, contact));
    assertData("""
        {"contact":%s,"verified":true}""".formatted(CONTACT_JSON), EventType.CONTACT_IDENTIFIED, new ContactIdentified(APP, contact, true));
  }

  @Test
  void theTestEventNamesTheEndpointAndBelongsToNoApp() {
    WebhookTestEvent event = new WebhookTestEvent("A test event from Convot", MEMBER);
    assertData("""
        {"message":"A test event from Convot","endpoint_id":"00000000-0000-0000-0000-00000000000f"}""", EventType.WEBHOOK_TEST, event);
    assertEquals(null, event.appId());
  }

  @Test
  void theEnvelopeEmbedsTheDataAsWritten() {
    UUID id = UUID.randomUUID();
    JsonObject data = Outbox.dataOf(new ConversationAssigned(APP, conversation, null));
    JsonObject envelope = JsonText.readObject(JsonText.write(
        new Outbox.Envelope(id, "conversation.assigned", AT, MEMBER, APP, data)));

    assertEquals(JsonText.read("""
        {"id":"%s","type":"conversation.assigned","created_at":"2026-01-02T03:04:05Z",
         "organization_id":"00000000-0000-0000-0000-00000000000f","app_id":"00000000-0000-0000-0000-00000000000a",
         "data":{"conversation":%s,"assignee":null}}""".formatted(id, CONVERSATION_JSON)), envelope);
  }

  @Test
  void theEnvelopeIsWrittenExactlyAsJsonbWritesItWithTheDataEmbeddedAsIs() {
    UUID id = UUID.randomUUID();
    String data = JsonText.write(new ConversationAssigned(APP, conversation, null));
    for (Instant at : List.of(AT, Instant.parse("2026-12-07T07:03:59.472627Z"), Instant.parse("2026-12-07T07:03:59.400Z"))) {
      for (UUID app : java.util.Arrays.asList(APP, null)) {
        assertEquals(JsonText.write(new Outbox.Envelope(id, "conversation.assigned", at, MEMBER, app, JsonText.readObject(data))),
            Outbox.envelopeText(id, "conversation.assigned", at, MEMBER, app, data));
      }
    }
  }

  @Test
  void aLiveUpdateOfEventDataTextOrOfAnEmptyRecordIsOneObject() {
    String data = JsonText.write(new ConversationResolved(APP, conversation));
    assertEquals(JsonText.read(LiveUpdates.payload("conversation.status", JsonText.readObject(data))),
        JsonText.read(LiveUpdates.payload("conversation.status", data)));
    assertEquals("{\"type\":\"ping\"}", LiveUpdates.payload("ping", "{ }"));
  }

  @Test
  void liveUpdatesAddTheirTypeToTheEventDataOrToTheirOwnShortForm() {
    JsonObject status = Outbox.dataOf(new ConversationResolved(APP, conversation));
    assertEquals(JsonText.read("""
        {"type":"conversation.status","conversation":%s}""".formatted(CONVERSATION_JSON)),
        JsonText.read(LiveUpdates.payload("conversation.status", status)));
    assertEquals(JsonText.read("""
        {"type":"conversation.status","conversation_id":"00000000-0000-0000-0000-0000000000c0","status":"RESOLVED"}"""),
        JsonText.read(LiveUpdates.payload("conversation.status", new ConversationUpdate.VisitorStatus(CONVERSATION, "RESOLVED"))));
    assertEquals(JsonText.read("""
        {"type":"message","message":%s,"conversation":%s}""".formatted(MESSAGE_JSON, CONVERSATION_JSON)),
        JsonText.read(LiveUpdates.payload("message", new ConversationUpdate.AgentMessage(message, conversation))));
    assertEquals(JsonText.read("""
        {"type":"message","message":{"id":"00000000-0000-0000-0000-00000000000e","conversation_id":"00000000-0000-0000-0000-0000000000c0",
         "from":"contact","text":"<b>hi</b>","author":null,"created_at":"2026-01-02T03:04:05Z"}}"""),
        JsonText.read(LiveUpdates.payload("message", new ConversationUpdate.VisitorMessage(VisitorMessageView.of(message)))));
    assertEquals(JsonText.read("""
        {"type":"message.deleted","message_id":"00000000-0000-0000-0000-00000000000e","conversation_id":"00000000-0000-0000-0000-0000000000c0"}"""),
        JsonText.read(LiveUpdates.payload("message.deleted", new ConversationUpdate.MessageGone(MESSAGE, CONVERSATION))));
    assertEquals(JsonText.read("""
        {"type":"conversation.assigned","assignee":null}"""),
        JsonText.read(LiveUpdates.payload("conversation.assigned", new ConversationUpdate.VisitorAssigned(null))));
    assertEquals(JsonText.read("""
        {"type":"conversation.assigned","assignee":{"name":"Grace"}}"""),
        JsonText.read(LiveUpdates.payload("conversation.assigned",
            new ConversationUpdate.VisitorAssigned(new ConversationUpdate.AssigneeName("Grace")))));
  }

  @Test
  void typingSaysWhoTypesWhere() {
    assertEquals(JsonText.read("""
        {"type":"typing","from":"agent","conversation_id":"00000000-0000-0000-0000-0000000000c0","member_id":""}"""),
        JsonText.read(LiveUpdates.payload("typing", new ConversationUpdate.AgentTypingUpdate("agent", CONVERSATION, ""))));
    assertEquals(JsonText.read("""
        {"type":"typing","from":"agent"}"""), JsonText.read(LiveUpdates.payload("typing", new ConversationUpdate.TypingFrom("agent"))));
    assertEquals(JsonText.read("""
        {"type":"typing","from":"visitor","contact_id":"00000000-0000-0000-0000-00000000000c"}"""),
        JsonText.read(LiveUpdates.payload("typing", new ConversationUpdate.VisitorTyping("visitor", CONTACT))));
  }
}
