/*
 * An endpoint's delivery log, newest first: every attempt of every delivery with its HTTP status,
 * duration, time and the start of the receiver's answer (shown as text, whatever it holds).
 * Filters by status and event type, loads more on request, retries one delivery and replays
 * everything that failed or was skipped since a time. After an action it refreshes itself a few
 * times while the attempts happen.
 */
import { View, html, nothing, formError, fullTime } from '../view.js';
import { api, pages } from '../api.js';
import { EVENT_TYPES } from './settings-webhooks-form.js';

const PAGE = 20;
/** Seconds after an action at which the log reloads: attempts start at once and retry within seconds. */
const FOLLOW_UP = [1, 2, 4, 7, 11, 16, 24];
/** Attempts shown per delivery before "Show earlier attempts". */
const RECENT_ATTEMPTS = 3;
const STATUSES = [['pending', 'Pending'], ['succeeded', 'Succeeded'], ['failed', 'Failed'], ['skipped', 'Skipped']];

const clockToday = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const clockEarlier = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** "14:05:09" today (attempts come seconds apart), "3 Dec, 14:05" before. */
function clock(iso) {
  const d = new Date(iso);
  const text = d.toDateString() === new Date().toDateString() ? clockToday.format(d) : clockEarlier.format(d);
  return html`<time datetime=${iso} title=${fullTime(iso)}>${text}</time>`;
}

/** The value of a datetime-local input for a time (local, to the minute). */
function localInputValue(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

class WebhookDeliveries extends View {
  static properties = {
    endpointId: {},
    active: { type: Boolean },
    deliveries: { state: true },
    done: { state: true },
    status: { state: true },
    eventType: { state: true },
    expanded: { state: true },
    loading: { state: true },
    message: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.deliveries = [];
    this.status = '';
    this.eventType = '';
    this.expanded = new Set();
    this.timers = [];
    this.requests = 0;
    this.replaySince = localInputValue(new Date(Date.now() - 24 * 3600 * 1000));
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stopFollowing();
  }

  willUpdate(changed) {
    if (changed.has('endpointId') && this.endpointId) {
      this.stopFollowing();
      this.status = '';
      this.eventType = '';
      this.expanded = new Set();
      this.message = null;
      this.error = null;
      this.deliveries = [];
      this.reload();
    }
  }

  /** Loads the first page again, as many rows as are shown now (so a refresh keeps what was loaded). */
  async reload() {
    const shown = Math.min(200, Math.max(PAGE, this.deliveries.length));
    const pager = pages(`/webhooks/${this.endpointId}/deliveries`,
      { order: 'newest', status: this.status, event_type: this.eventType }, shown);
    const request = ++this.requests; // an older answer arriving late must not replace a newer one
    this.loading = true;
    try {
      const rows = await pager.next();
      if (request !== this.requests) return;
      this.pager = pager;
      this.deliveries = rows;
      this.done = pager.done;
      this.error = null;
    } catch (err) {
      this.error = err;
    } finally {
      this.loading = false;
    }
  }

  async loadMore() {
    const request = this.requests;
    this.loading = true;
    try {
      const rows = await this.pager.next();
      if (request !== this.requests) return;
      this.deliveries = [...this.deliveries, ...rows];
      this.done = this.pager.done;
    } catch (err) {
      this.error = err;
    } finally {
      this.loading = false;
    }
  }

  /** Reloads now and a few more times over the next seconds, while the attempts an action queued happen. */
  followUp() {
    this.stopFollowing();
    this.reload();
    this.timers = FOLLOW_UP.map((s) => setTimeout(() => this.reload(), s * 1000));
  }

  stopFollowing() {
    this.timers.forEach(clearTimeout);
    this.timers = [];
  }

  filter(e) {
    this[e.target.name] = e.target.value;
    this.deliveries = [];
    this.reload();
  }

  async retry(delivery) {
    this.busy = true;
    this.error = null;
    try {
      await api.post(`/webhooks/${this.endpointId}/deliveries/${delivery.id}/retry`);
      this.message = `The ${delivery.event_type} delivery is being sent again.`;
      this.followUp();
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = false;
    }
  }

  async replay(e) {
    e.preventDefault();
    const value = new FormData(e.target).get('since');
    const since = value ? new Date(value) : null;
    if (!since || Number.isNaN(since.getTime())) {
      this.error = { message: 'Choose the date and time to replay from.' };
      return;
    }
    this.replaySince = value;
    this.busy = true;
    this.error = null;
    try {
      const { redelivered } = await api.post(`/webhooks/${this.endpointId}/replay`, { since: since.toISOString() });
      this.message = redelivered === 0
        ? `Nothing failed or was skipped since ${fullTime(since.toISOString())}.`
        : `${redelivered} ${redelivered === 1 ? 'delivery is' : 'deliveries are'} being sent again.`;
      this.followUp();
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`
      <div class="log-tools">
        <label>Status
          <select name="status" .value=${this.status} @change=${this.filter}>
            <option value="">All statuses</option>
            ${STATUSES.map(([value, label]) => html`<option value=${value} ?selected=${this.status === value}>${label}</option>`)}
          </select>
        </label>
        <label>Event type
          <select name="eventType" .value=${this.eventType} @change=${this.filter}>
            <option value="">All event types</option>
            ${EVENT_TYPES.map(([type]) => html`<option value=${type} ?selected=${this.eventType === type}>${type}</option>`)}
          </select>
        </label>
        <button type="button" @click=${() => this.reload()} ?disabled=${this.loading}>Refresh</button>
      </div>
      <p class="log-message" role="status">${this.message || ''}</p>
      ${formError(this.error)}
      <div class="table-scroll">
        <table class="deliveries">
          <caption>Deliveries</caption>
          <thead><tr>
            <th scope="col">Event</th><th scope="col">Delivery</th><th scope="col">Attempt</th><th scope="col">HTTP status</th>
            <th scope="col">Duration</th><th scope="col">Time</th><th scope="col">Response</th><th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr></thead>
          ${this.deliveries.map((d) => this.delivery(d))}
        </table>
      </div>
      ${this.deliveries.length === 0 && !this.loading
        ? html`<p class="empty">${this.status || this.eventType ? 'No deliveries match these filters.' : 'No deliveries yet. Send a test to see one here.'}</p>`
        : nothing}
      ${this.done || this.deliveries.length === 0 ? nothing
        : html`<p class="load-more"><button type="button" @click=${this.loadMore} ?disabled=${this.loading}>Load more</button></p>`}
      ${this.replayForm()}`;
  }

  delivery(d) {
    const attempts = [...d.attempts].reverse(); // newest first
    const hidden = this.expanded.has(d.id) ? 0 : Math.max(0, attempts.length - RECENT_ATTEMPTS);
    const shown = attempts.slice(0, attempts.length - hidden);
    const rows = Math.max(1, shown.length) + (hidden ? 1 : 0);
    const head = html`
      <th scope="rowgroup" rowspan=${rows}><code>${d.event_type}</code></th>
      <td rowspan=${rows}>${this.deliveryStatus(d)}</td>`;
    const actions = html`<td rowspan=${rows}>${this.retryButton(d)}</td>`;
    return html`<tbody>
      ${shown.length === 0
        ? html`<tr>${head}<td colspan="4" class="muted">${d.status === 'skipped' ? 'Not sent: the endpoint was disabled' : 'Not attempted yet'}</td><td class="muted">—</td>${actions}</tr>`
        : shown.map((a, i) => html`<tr>${i === 0 ? head : nothing}${this.attempt(a)}${i === 0 ? actions : nothing}</tr>`)}
      ${hidden ? html`<tr><td colspan="5">
        <button type="button" class="link" @click=${() => { this.expanded = new Set([...this.expanded, d.id]); }}>
          Show ${hidden} earlier ${hidden === 1 ? 'attempt' : 'attempts'}</button></td></tr>` : nothing}
    </tbody>`;
  }

  deliveryStatus(d) {
    const label = { pending: 'Pending', succeeded: 'Succeeded', failed: 'Failed', skipped: 'Skipped' }[d.status] || d.status;
    const tone = { succeeded: 'ok', failed: 'bad', pending: 'warn' }[d.status] || '';
    return html`<span class="badge ${tone}">${label}</span>
      ${d.status === 'pending' && d.next_attempt_at ? html`<div class="hint">Next try ${clock(d.next_attempt_at)}</div>` : nothing}
      <div class="hint">${d.attempt_count} ${d.attempt_count === 1 ? 'attempt' : 'attempts'}</div>`;
  }

  attempt(a) {
    const ok = a.status_code >= 200 && a.status_code < 300;
    return html`
      <td>#${a.number}</td>
      <td>${a.status_code ? html`<span class="badge ${ok ? 'ok' : 'bad'}">${a.status_code}</span>` : html`<span class="badge bad">No answer</span>`}</td>
      <td class="number">${a.duration_ms} ms</td>
      <td>${clock(a.attempted_at)}</td>
      <td class="response">${a.error
        ? html`<span class="attempt-error">${a.error}</span>`
        : a.response_excerpt ? html`<code>${a.response_excerpt}</code>` : html`<span class="muted">Empty</span>`}</td>`;
  }

  retryButton(d) {
    if (d.status !== 'failed' && d.status !== 'skipped') return nothing;
    return html`<button type="button" @click=${() => this.retry(d)} ?disabled=${this.busy || !this.active}
      title=${this.active ? '' : 'Enable the endpoint first'}>Retry<span class="visually-hidden"> ${d.event_type} from ${fullTime(d.created_at)}</span></button>`;
  }

  replayForm() {
    return html`
      <form class="replay" @submit=${this.replay}>
        <h3 id="replay-title">Replay</h3>
        <p class="hint" id="replay-hint">Sends again, with their original <code>webhook-id</code>, every delivery that failed
          or was skipped while the endpoint was disabled since this time.</p>
        <div class="replay-row">
          <div>
            <label for="replay-since">Failed and skipped since</label>
            <input id="replay-since" name="since" type="datetime-local" required .value=${this.replaySince} aria-describedby="replay-hint">
          </div>
          <button type="submit" ?disabled=${this.busy || !this.active}>Replay</button>
        </div>
        ${this.active ? nothing : html`<p class="hint">Enable the endpoint to retry or replay deliveries.</p>`}
      </form>`;
  }
}
customElements.define('cv-webhook-deliveries', WebhookDeliveries);
