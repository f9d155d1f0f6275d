package io.convot.widget;

import io.convot.app.App;
import io.convot.contact.Contact;
import io.convot.contact.ContactView;
import io.convot.contact.VisitorSession;
import io.convot.conversation.Conversation;

/**
 * An authenticated widget request: the app, the session and its contact; for a message, as read with
 * them, the contact's view and latest conversation (null when not read, or for a contact with none).
 */
record Visit(App app, VisitorSession session, Contact contact, ContactView contactView, Conversation latestConversation) {}
