package io.convot.widget;

import io.convot.app.App;
import io.convot.contact.Contact;
import io.convot.contact.ContactView;
import io.convot.contact.VisitorSession;

/**
 * An authenticated widget request: the app, the session and its contact; for a message, the
 * contact's view as read with it (null otherwise).
 */
record Visit(App app, VisitorSession session, Contact contact, ContactView contactView) {}
