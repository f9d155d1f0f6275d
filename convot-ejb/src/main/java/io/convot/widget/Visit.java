package io.convot.widget;

import io.convot.app.App;
import io.convot.contact.Contact;
import io.convot.contact.VisitorSession;

/** An authenticated widget request: the app, the session and its contact. */
record Visit(App app, VisitorSession session, Contact contact) {}
