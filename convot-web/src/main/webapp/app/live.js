/*
 * The dashboard's live connection to /realtime/v1/agent. It authenticates with the session token,
 * remembers the cursor of the last update it received, and after a cut reconnects (1 s, 2 s, 4 s ...
 * up to 15 s) sending that cursor as `after`: the server then sends what was missed before live
 * updates resume, or `resync` when too much was missed (pages then reload their lists).
 *
 * Frames: `ready`, `message` {message, conversation}, `message.deleted`, `conversation` {conversation},
 * `conversation.assigned`, `conversation.status`, `typing`, `caught_up`, `resync`, `error`.
 */
import { session } from './session.js';

const listeners = new Map(); // type -> Set of functions; '*' receives every frame
const statusListeners = new Set();
let socket = null;
let cursor = null;
let attempt = 0;
let retryTimer = null;
let wanted = false;

export const live = {
  /** 'off', 'connecting', 'open' or 'down' (cut, reconnecting). */
  status: 'off',

  start() {
    wanted = true;
    if (!socket) connect();
  },

  stop() {
    wanted = false;
    clearTimeout(retryTimer);
    cursor = null;
    if (socket) socket.close(1000, 'signed_out');
    socket = null;
    setStatus('off');
  },

  /** Calls `listener(frame)` for frames of `type` ('*' for all); returns the unsubscribe function. */
  on(type, listener) {
    if (!listeners.has(type)) listeners.set(type, new Set());
    listeners.get(type).add(listener);
    return () => listeners.get(type).delete(listener);
  },

  onStatus(listener) {
    statusListeners.add(listener);
    return () => statusListeners.delete(listener);
  },

  /** Tells the other agents and the visitor that this agent is typing in a conversation. */
  typing(conversationId) {
    send({ type: 'typing', conversation_id: conversationId });
  },
};

function send(frame) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
}

function setStatus(status) {
  live.status = status;
  statusListeners.forEach((l) => l(status));
}

function connect() {
  if (!session.token) return;
  setStatus(attempt === 0 ? 'connecting' : 'down');
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/realtime/v1/agent`);
  socket = ws;
  ws.onopen = () => {
    const auth = { type: 'auth', token: session.token };
    if (cursor) auth.after = cursor;
    ws.send(JSON.stringify(auth));
  };
  ws.onmessage = (e) => {
    let frame;
    try { frame = JSON.parse(e.data); } catch { return; }
    if (frame.cursor) cursor = frame.cursor;
    if (frame.type === 'ready') {
      attempt = 0;
      setStatus('open');
    }
    dispatch(frame);
  };
  ws.onclose = (e) => {
    if (socket !== ws) return;
    socket = null;
    if (e.code === 1008 && /^token_(revoked|expired)$/.test(e.reason)) {
      wanted = false;
      setStatus('off');
      dispatch({ type: 'signed_out', code: e.reason });
      return;
    }
    if (!wanted) return;
    setStatus('down');
    const delay = Math.min(15000, 1000 * 2 ** attempt) * (0.8 + Math.random() * 0.4);
    attempt += 1;
    retryTimer = setTimeout(connect, delay);
  };
}

function dispatch(frame) {
  for (const key of [frame.type, '*']) {
    const set = listeners.get(key);
    if (set) set.forEach((l) => { try { l(frame); } catch (err) { console.error(err); } });
  }
}

// Back online or the tab shown again after a long sleep: reconnect now rather than at the next retry.
addEventListener('online', () => {
  if (wanted && !socket) { clearTimeout(retryTimer); attempt = 0; connect(); }
});
