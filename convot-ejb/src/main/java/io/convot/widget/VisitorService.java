package io.convot.widget;

import io.convot.app.App;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.Keyset;
import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.common.Randoms;
import io.convot.common.Validation;
import io.convot.contact.Contact;
import io.convot.contact.ContactEvent;
import io.convot.contact.ContactRules;
import io.convot.contact.ContactView;
import io.convot.contact.VisitorSession;
import io.convot.conversation.Conversation;
import io.convot.conversation.ConversationFlow;
import io.convot.conversation.ConversationUpdate;
import io.convot.conversation.Message;
import io.convot.conversation.MessageView;
import io.convot.conversation.VisitorMessageView;
import io.convot.event.EventReceivers;
import io.convot.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * What a visitor does through the widget: start or resume a session, say who they are, push data,
 * segments and events, read and send messages. The tenant comes from the app key or the session.
 */
@Stateless
public class VisitorService {

  private static final String TOKEN_PREFIX = "cvs_";
  /** A widget request's session, its contact, its app and whether the organization is cancelled. */
  private static final String SESSION = "SELECT s, c, a, o.cancelledAt FROM VisitorSession s, Contact c, App a, Organization o"
      + " WHERE s.id = :session AND c.id = s.contactId AND a.id = :app AND o.id = :organization";
  /**
   * The same for a message, and what the message needs besides: the contact's data and segments (in
   * JSON), whether the organization has webhook endpoints and active notification channels, and the
   * contact's latest conversation (the newest; among equals, the greatest id: the first row), null for none.
   */
  private static final String SESSION_FOR_MESSAGE = "SELECT s, c, a, o.cancelledAt"
      + ", SQL('(SELECT json_object_agg(d.key, d.value)::text FROM contact_data d WHERE d.contact_id = ?)', c.id)"
      + ", SQL('(SELECT json_agg(g.segment)::text FROM contact_segments g WHERE g.contact_id = ?)', c.id)"
      + ", SQL('EXISTS (SELECT 1 FROM webhook_endpoints w WHERE w.organization_id = ?)', o.id)"
      + ", SQL('EXISTS (SELECT 1 FROM notification_channels n WHERE n.organization_id = ? AND n.active)', o.id), v"
      + " FROM Organization o, App a, VisitorSession s JOIN Contact c ON c.id = s.contactId"
      // Joined on the contact and the newest creation time, so PostgreSQL finds it through the index
      // on (contact_id, created_at) whatever the organization's number of conversations (a join on
      // the id a subquery returns read them all, row-level security being applied first).
      + " LEFT JOIN Conversation v ON v.contactId = s.contactId"
      + " AND v.createdAt = SQL('(SELECT max(x.created_at) FROM conversations x WHERE x.contact_id = ?)', s.contactId)"
      + " WHERE s.id = :session AND a.id = :app AND o.id = :organization ORDER BY v.id DESC";

  @PersistenceContext(unitName = "convot")
  EntityManager em;

  @Inject WidgetAvailability widgetAvailability;
  @Inject AppKeys appKeys;
  @Inject Tenancy tenancy;
  @Inject VisitorOrigin origin;
  @Inject ContactResolver contacts;
  @Inject ConversationFlow conversations;
  @Inject io.convot.realtime.LiveUpdates live;
  @Inject EventReceivers receivers;

  /** Starts a session, or resumes {@code previousToken}'s when it is the same person on the same app. */
  public SessionStart start(String appKey, VisitorProfile visitor, String previousToken) {
    App app = enterApp(appKey);
    checkProfile(visitor);
    boolean verified = IdentityVerifier.verifies(app, visitor.identity(), visitor.userHash());
    requireVerification(app, verified);
    Optional<VisitorSession> previous = previousSession(app, previousToken);
    Contact current = previous.map(session -> em.find(Contact.class, session.contactId()))
        .filter(contact -> !contact.isDeleted())
        // Someone signed out, or another person uses this browser: the previous history stays hidden.
        .filter(contact -> !(contact.isIdentified() && visitor.identity().isAnonymous()))
        .orElse(null);
    Contact contact = contacts.resolve(app.id(), current, visitor.identity(), verified);
    apply(contact, visitor);
    if (contact != current) {
      return newSession(contact, verified);
    }
    VisitorSession session = previous.get();
    if (verified) {
      session.markVerified();
    }
    session.seen();
    return new SessionStart(previousToken, session.verified(), ContactView.of(contact));
  }

  /** Updates the visitor; a different person on this browser gets a new session and contact. */
  public SessionStart update(String token, String appKey, VisitorProfile visitor) {
    Visit visit = authenticate(token, appKey);
    checkProfile(visitor);
    if (visitor.identity().isAnonymous()) {
      apply(visit.contact(), visitor);
      return new SessionStart(token, visit.session().verified(), ContactView.of(visit.contact()));
    }
    boolean verified = IdentityVerifier.verifies(visit.app(), visitor.identity(), visitor.userHash());
    boolean unchanged = visitor.identity().isCoveredBy(visit.contact().identity()) && visitor.userHash() == null;
    if (!unchanged) {
      requireVerification(visit.app(), verified);
    }
    Contact contact = contacts.resolve(visit.app().id(), visit.contact(), visitor.identity(), verified);
    apply(contact, visitor);
    if (contact == visit.contact()) {
      if (verified) {
        visit.session().markVerified();
      }
      return new SessionStart(token, visit.session().verified(), ContactView.of(contact));
    }
    return newSession(contact, verified);
  }

  public void addEvent(String token, String appKey, String name, String dataJson, String color) {
    Visit visit = authenticate(token, appKey);
    em.persist(new ContactEvent(visit.contact(), name, dataJson, color));
  }

  /** The visitor's messages across their conversations, oldest first, without notes or deleted ones. */
  public Page<VisitorMessageView> messages(String token, String appKey, PageRequest page) {
    return visibleMessages(authenticate(token, appKey), page);
  }

  private Page<VisitorMessageView> visibleMessages(Visit visit, PageRequest page) {
    Keyset.Filter where = new Keyset.Filter()
        .where("e.conversationId IN (SELECT c.id FROM Conversation c WHERE c.contactId = :contactId)", "contactId", visit.contact().id())
        .where("e.privateNote = FALSE")
        .where("e.deletedAt IS NULL");
    return Keyset.page(em, Message.class, where, page, Message::createdAt, Message::id)
        .map(message -> VisitorMessageView.of(MessageView.of(message, conversations.authorOf(message))));
  }

  public VisitorMessageView send(String token, String appKey, String text) {
    return send(token, appKey, text, null);
  }

  /**
   * A visitor's message; one that starts a conversation carries the answers to the app's pre-chat
   * questions ({@code {question_id: answer}}), checked here whatever client sent them.
   */
  public VisitorMessageView send(String token, String appKey, String text, jakarta.json.JsonObject answers) {
    Visit visit = authenticate(token, appKey, true);
    return VisitorMessageView.of(conversations.visitorMessage(visit.contact(), visit.contactView(), visit.latestConversation(), text,
        () -> admission(visit, answers)));
  }

  /**
   * Whether a new conversation may start, and with what answers: not while the app pauses new
   * conversations; not without the visitor's email when the app requires it; not with answers that
   * miss a required question, name an unknown one, or do not fit their question.
   */
  private jakarta.json.JsonArray admission(Visit visit, jakarta.json.JsonObject answers) {
    io.convot.app.WidgetSettings settings = visit.app().widgetSettings();
    if (settings.pauseNewConversations()) {
      throw new ConvotException(ErrorCode.CONVERSATIONS_PAUSED,
          "This app does not take new conversations right now; leave an email and the team will write back");
    }
    Validation validation = new Validation();
    validation.require(!"required".equals(settings.collectEmail()) || visit.contact().email() != null, "email", "required",
        "This app asks for the visitor's email before the chat starts: set the session's user.email first");
    io.convot.app.Qualification qualification = visit.app().qualification();
    jakarta.json.JsonArray stored = qualification.checkAnswers(answers, validation);
    validation.throwIfInvalid();
    return stored;
  }

  /** The visitor's messages after {@code afterId} (a reconnecting client's last seen one), oldest first. */
  public List<VisitorMessageView> messagesAfter(String token, java.util.UUID afterId) {
    Visit visit = authenticate(token, null);
    Message after = afterId == null ? null : em.find(Message.class, afterId);
    PageRequest page = after == null ? new PageRequest(PageRequest.MAX_LIMIT, null, null)
        : new PageRequest(PageRequest.MAX_LIMIT, after.createdAt(), after.id());
    return visibleMessages(visit, page).data();
  }

  /** Tells the agents that the visitor is typing. */
  public void typing(String token) {
    Visit visit = authenticate(token, null);
    live.publishTyping(tenancy.current(), visit.contact().id(),
        new ConversationUpdate.VisitorTyping("visitor", visit.contact().id()), null);
  }

  /** Who a live connection belongs to, checked like any other request. */
  public VisitorIdentity identify(String token) {
    Visit visit = authenticate(token, null);
    return new VisitorIdentity(tenancy.current(), visit.app().id(), visit.contact().id(), visit.session().verified());
  }

  /** A live connection's visitor. */
  public record VisitorIdentity(java.util.UUID organizationId, java.util.UUID appId, java.util.UUID contactId, boolean verified) {}

  Visit authenticate(String token, String appKey) {
    return authenticate(token, appKey, false);
  }

  /**
   * The request's session, its contact and app, in the organization; for a message ({@code sending}),
   * read with them in the same round trip: the contact's data and segments, its latest conversation,
   * and whether the organization has webhook endpoints and active notification channels (see
   * {@link EventReceivers}).
   */
  private Visit authenticate(String token, String appKey, boolean sending) {
    if (token == null || !token.startsWith(TOKEN_PREFIX)) {
      throw new ConvotException(ErrorCode.SESSION_INVALID, "Send Authorization: Bearer <session_token> from POST /widget/v1/sessions");
    }
    AppKeys.SessionRef ref = appKeys.session(Randoms.sha256(token));
    tenancy.enter(ref.organizationId());
    List<Object[]> found = em.createQuery(sending ? SESSION_FOR_MESSAGE : SESSION, Object[].class)
        .setParameter("session", ref.sessionId()).setParameter("app", ref.appId())
        .setParameter("organization", ref.organizationId()).getResultList();
    if (found.isEmpty() || ((Contact) found.get(0)[1]).isDeleted()) {
      throw new ConvotException(ErrorCode.SESSION_INVALID, "The session has ended; start a new one");
    }
    Object[] row = found.get(0);
    VisitorSession session = (VisitorSession) row[0];
    Contact contact = (Contact) row[1];
    App app = (App) row[2];
    if (appKey != null && !appKey.equals(app.appKey())) {
      throw new ConvotException(ErrorCode.SESSION_INVALID, "This session belongs to another app");
    }
    widgetAvailability.requireApp(app);
    widgetAvailability.requireOrganization(row[3] != null);
    origin.check(app.allowedOrigins());
    requireVerification(app, session.verified());
    if (!sending) {
      return new Visit(app, session, contact, null, null);
    }
    receivers.learnt(ref.organizationId(), (Boolean) row[6], (Boolean) row[7]);
    return new Visit(app, session, contact, ContactView.of(contact, (String) row[4], (String) row[5]), (Conversation) row[8]);
  }

  private App enterApp(String appKey) {
    AppKeys.AppRef ref = appKeys.app(appKey);
    tenancy.enter(ref.organizationId());
    App app = em.find(App.class, ref.appId());
    if (app == null) {
      throw new ConvotException(ErrorCode.UNKNOWN_APP, "No app has this app_id");
    }
    widgetAvailability.require(app);
    origin.check(app.allowedOrigins());
    return app;
  }

  private Optional<VisitorSession> previousSession(App app, String previousToken) {
    if (previousToken == null || !previousToken.startsWith(TOKEN_PREFIX)) {
      return Optional.empty();
    }
    List<VisitorSession> found = em.createQuery("SELECT s FROM VisitorSession s WHERE s.tokenHash = :hash", VisitorSession.class)
        .setParameter("hash", Randoms.sha256(previousToken)).getResultList();
    if (found.isEmpty()) {
      if (appKeys.sessionExists(Randoms.sha256(previousToken))) {
        throw new ConvotException(ErrorCode.SESSION_INVALID, "This session belongs to another app");
      }
      return Optional.empty(); // an ended session: start afresh
    }
    if (!found.get(0).appId().equals(app.id())) {
      throw new ConvotException(ErrorCode.SESSION_INVALID, "This session belongs to another app");
    }
    return Optional.of(found.get(0));
  }

  private SessionStart newSession(Contact contact, boolean verified) {
    String token = TOKEN_PREFIX + Randoms.token(32);
    em.persist(new VisitorSession(contact, Randoms.sha256(token), verified));
    return new SessionStart(token, verified, ContactView.of(contact));
  }

  private static void requireVerification(App app, boolean verified) {
    if (app.requireIdentityVerification() && !verified) {
      throw new ConvotException(ErrorCode.IDENTITY_VERIFICATION_REQUIRED,
          "This app requires a verified identity: send user.external_id or user.email with a valid user_hash");
    }
  }

  private static void checkProfile(VisitorProfile visitor) {
    Validation validation = new Validation();
    ContactRules.checkProfile(visitor.profile(), "user.", validation);
    ContactRules.checkData(visitor.data(), "data", validation);
    visitor.segments().ifPresent(values -> ContactRules.normalizeSegments(values, "segments", validation));
    if (visitor.identity().email() != null) {
      validation.email(visitor.identity().email(), "user.email");
    }
    if (visitor.identity().externalId() != null) {
      validation.require(visitor.identity().externalId().length() <= 255, "user.external_id", "too_long", "at most 255 characters");
    }
    validation.throwIfInvalid();
  }

  private static void apply(Contact contact, VisitorProfile visitor) {
    contact.updateProfile(visitor.profile());
    if (!visitor.data().isEmpty()) {
      contact.putData(visitor.data());
    }
    visitor.segments().ifPresent(values -> contact.changeSegments(
        ContactRules.normalizeSegments(values, "segments", new Validation()), visitor.overwriteSegments()));
  }
}
