/*
 * The tab title counts the conversations waiting for an answer (`(3) Inbox · Convot`), from
 * `GET /conversations/counts`, kept fresh by the live updates; and a browser notification tells an
 * agent whose tab is hidden about a new conversation, once they allowed it.
 */
import { api } from './api.js';
import { live } from './live.js';
import { session } from './session.js';
import { resolve } from './router.js';
import { onMissedUpdates } from './catch-up.js';

const SECTIONS = { inbox: 'Inbox', contacts: 'Contacts', revenue: 'Revenue', settings: 'Settings' };
const NEW_CONVERSATION_WINDOW_MS = 5000;

let waiting = 0;
let countsMissing = false; // a server without /conversations/counts: no count in the title
let timer = null;

function pageTitle() {
  const match = resolve();
  const section = match && SECTIONS[match.route.section];
  return section ? `${section} · Convot` : 'Convot';
}

function showTitle() {
  const signedIn = !!(session.token && session.me);
  document.title = signedIn && waiting > 0 ? `(${waiting}) ${pageTitle()}` : pageTitle();
}

async function refresh() {
  if (!session.token || !session.me || countsMissing) {
    waiting = 0;
    showTitle();
    return;
  }
  try {
    const counts = await api.get('/conversations/counts');
    waiting = Number(counts && counts.waiting) || 0;
  } catch (e) {
    if (e.status === 404) countsMissing = true;
  }
  showTitle();
}

/** Many updates in a burst make one request. */
function refreshSoon() {
  clearTimeout(timer);
  timer = setTimeout(refresh, 400);
}

export const notifications = {
  get supported() { return 'Notification' in window; },
  /** 'default' (not asked yet), 'granted' or 'denied'. */
  get permission() { return this.supported ? Notification.permission : 'denied'; },
  request() { return this.supported ? Notification.requestPermission() : Promise.resolve('denied'); },
};

/** A visitor's message that started its conversation (both are written in one transaction). */
function startsConversation({ message, conversation }) {
  if (!message || !conversation || message.from !== 'visitor') return false;
  return Date.parse(message.created_at) - Date.parse(conversation.created_at) < NEW_CONVERSATION_WINDOW_MS;
}

function notify(frame) {
  if (!document.hidden || notifications.permission !== 'granted' || !startsConversation(frame)) return;
  const { conversation, message } = frame;
  const contact = conversation.contact || {};
  const shown = new Notification(`New conversation with ${contact.nickname || contact.email || 'a visitor'}`, {
    body: message.text || '', tag: conversation.id,
  });
  shown.onclick = () => {
    window.focus();
    location.hash = `#/inbox/open/${conversation.id}`;
    shown.close();
  };
}

for (const type of ['message', 'message.deleted', 'conversation', 'conversation.assigned', 'conversation.status', 'caught_up']) {
  live.on(type, refreshSoon);
}
live.on('message', notify);
live.onStatus((status) => { if (status === 'open') refreshSoon(); });
onMissedUpdates(refreshSoon);
session.subscribe(refreshSoon);
addEventListener('hashchange', showTitle);
