package io.convot.widget;

import io.convot.contact.ContactView;

/** A session as the widget receives it: its bearer token (a new one when the person changed) and its contact. */
public record SessionStart(String sessionToken, boolean verified, ContactView contact) {}
