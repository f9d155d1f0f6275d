/*
 * When a page must read its lists again because live updates may have been missed: the server said
 * `resync`, or the socket came back after a cut without ever having sent a cursor (then it cannot
 * replay what happened meanwhile). With a cursor the server replays the missed updates itself as
 * ordinary frames, followed by `caught_up`.
 */
import { live } from './live.js';

let resumable = false;
let wasDown = false;
const listeners = new Set();

live.on('*', (frame) => {
  if (frame.cursor) resumable = true;
});
live.on('resync', () => listeners.forEach((l) => l('resync')));
live.onStatus((status) => {
  if (status === 'down') wasDown = true;
  if (status === 'off') resumable = false;
  if (status === 'open' && wasDown) {
    wasDown = false;
    if (!resumable) listeners.forEach((l) => l('reconnected'));
  }
});

/** Calls `listener(reason)` whenever updates may have been missed; returns the unsubscribe function. */
export function onMissedUpdates(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
