/*
 * Reports: how fast the team answers and who carries the load. The range, app and interval live
 * in the URL (`#/reports?range=30&interval=day&app_id=...`, or `range=custom&from=&to=` with dates,
 * `to` included); the zone is the browser's. Headline figures, two uPlot charts (conversations and
 * messages per day or week, and the median first response time), the per-member table, and the
 * conversations as CSV.
 *
 * uPlot sizes and places its elements through the CSSOM (`element.style.width = ...`), which the
 * dashboard's policy (`style-src 'self'`, no inline style attributes) permits, and its style sheet
 * comes from /webjars like the other libraries: the charts need no allowance in the policy.
 *
 * The CSV needs the bearer token and the dashboard has no cookies: `Export CSV` fetches it with the
 * token and hands the browser a blob: URL to save, so no token or signed link ever appears in a URL.
 */
import uPlot from 'uplot';
import { View, html, nothing, stylesheet, formError, go } from '../view.js';
import { api, query, ApiError } from '../api.js';
import { session } from '../session.js';
import { loadApps, appOptions } from '../components/app-names.js';

stylesheet(import.meta.url);
const uplotCss = import.meta.resolve('uplot').replace(/uPlot\.esm\.js$/, 'uPlot.min.css');
if (!document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(uplotCss)}"]`)) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = uplotCss;
  document.head.append(link);
}

const RANGES = [['7', 'Last 7 days'], ['30', 'Last 30 days'], ['90', 'Last 90 days'], ['365', 'Last 365 days'], ['custom', 'Custom dates']];
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const count = new Intl.NumberFormat();

/** "42 s", "5 min 3 s", "2 h 05 min", "3 d 4 h"; an em dash for none. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
  return `${Math.floor(s / 86400)} d ${Math.floor((s % 86400) / 3600)} h`;
}

function isoDate(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function plusDays(iso, days) {
  const [y, m, d] = iso.split('-').map(Number);
  return isoDate(new Date(y, m - 1, d + days));
}

class Reports extends View {
  static properties = {
    query: { attribute: false },
    apps: { state: true },
    summary: { state: true },
    agents: { state: true },
    error: { state: true },
    loading: { state: true },
    exporting: { state: true },
    exportError: { state: true },
  };

  constructor() {
    super();
    this.charts = [];
  }

  connectedCallback() {
    super.connectedCallback();
    this.shown = null;
    if (!this.apps) loadApps().then((apps) => { this.apps = apps; }, () => { this.apps = new Map(); });
    this.resize = new ResizeObserver(() => this.sizeCharts());
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.destroyCharts();
  }

  /** The pickers' values from the URL, with their defaults. */
  get choice() {
    const q = this.query || new URLSearchParams();
    const range = RANGES.some(([key]) => key === q.get('range')) ? q.get('range') : '30';
    const interval = q.get('interval') === 'week' ? 'week' : 'day';
    const today = isoDate(new Date());
    const from = q.get('from') || plusDays(today, -29);
    const to = q.get('to') || today;
    return { range, interval, app_id: q.get('app_id') || '', from, to };
  }

  /** The API's parameters: `to` is exclusive, so the day after the last day shown. */
  get apiParams() {
    const c = this.choice;
    const today = isoDate(new Date());
    const last = c.range === 'custom' ? c.to : today;
    const first = c.range === 'custom' ? c.from : plusDays(today, 1 - Number(c.range));
    return { from: first, to: plusDays(last, 1), tz: ZONE, app_id: c.app_id };
  }

  willUpdate(changed) {
    if (!changed.has('query')) return;
    const key = JSON.stringify([this.apiParams, this.choice.interval]);
    if (key === this.shown) return;
    this.shown = key;
    this.load();
  }

  async load() {
    const key = this.shown;
    this.loading = true;
    this.error = null;
    try {
      const [summary, agents] = await Promise.all([
        api.get('/reports/summary', { ...this.apiParams, interval: this.choice.interval }),
        api.get('/reports/agents', this.apiParams),
      ]);
      if (key !== this.shown) return;
      this.summary = summary;
      this.agents = agents.data;
    } catch (err) {
      if (key !== this.shown) return;
      this.error = err;
      this.summary = null;
      this.agents = null;
    } finally {
      if (key === this.shown) this.loading = false;
    }
  }

  updated() {
    this.drawCharts();
  }

  pick(e) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const range = form.get('range');
    go(`/reports${query({
      range,
      interval: form.get('interval'),
      app_id: form.get('app_id'),
      from: range === 'custom' ? form.get('from') : '',
      to: range === 'custom' ? form.get('to') : '',
    })}`);
  }

  /** Fetches the CSV with the bearer token, then lets the browser save it from a blob: URL. */
  async exportCsv(e) {
    e.preventDefault();
    const link = e.currentTarget;
    this.exporting = true;
    this.exportError = null;
    try {
      const response = await fetch(`/api/v1/reports/conversations.csv${query(this.apiParams)}`, {
        headers: { authorization: `Bearer ${session.token}`, accept: 'text/csv, application/problem+json' },
      });
      if (!response.ok) {
        let problem = null;
        try { problem = await response.json(); } catch { problem = null; }
        throw new ApiError(response.status, problem);
      }
      const blob = await response.blob();
      if (link.dataset.url) URL.revokeObjectURL(link.dataset.url);
      const url = URL.createObjectURL(blob);
      const name = (response.headers.get('content-disposition') || '').match(/filename="([^"]+)"/);
      const save = document.createElement('a');
      save.href = url;
      save.download = name ? name[1] : 'conversations.csv';
      save.hidden = true;
      link.dataset.url = url;
      link.after(save);
      save.click();
      save.remove();
    } catch (err) {
      this.exportError = err instanceof ApiError ? err : new ApiError(0, { title: 'The export could not be downloaded.' });
    } finally {
      this.exporting = false;
    }
  }

  render() {
    const c = this.choice;
    return html`
      <div class="reports-page">
        <header class="page-head">
          <h1>Reports</h1>
          <p class="muted">How fast the team answers and resolves, overall and per member. Days are in ${ZONE}.</p>
        </header>
        <form class="panel report-filters" aria-label="Report filters" @submit=${this.pick} @change=${(e) => {
          if (e.target.name !== 'from' && e.target.name !== 'to') e.currentTarget.requestSubmit();
        }}>
          <div class="field"><label for="report-range">Range</label>
            <select id="report-range" name="range">
              ${RANGES.map(([key, label]) => html`<option value=${key} ?selected=${key === c.range}>${label}</option>`)}
            </select></div>
          ${c.range === 'custom' ? html`
            <div class="field"><label for="report-from">From</label>
              <input id="report-from" name="from" type="date" .value=${c.from} required></div>
            <div class="field"><label for="report-to">To</label>
              <input id="report-to" name="to" type="date" .value=${c.to} required></div>` : nothing}
          <div class="field"><label for="report-app">App</label>
            <select id="report-app" name="app_id">${appOptions(this.apps, c.app_id)}</select></div>
          <div class="field"><label for="report-interval">Interval</label>
            <select id="report-interval" name="interval">
              <option value="day" ?selected=${c.interval === 'day'}>Per day</option>
              <option value="week" ?selected=${c.interval === 'week'}>Per week</option>
            </select></div>
          <div class="field go">
            ${c.range === 'custom' ? html`<button type="submit" class="primary">Show</button>` : nothing}
            <a class="button" href="/api/v1/reports/conversations.csv${query(this.apiParams)}" @click=${this.exportCsv}
              aria-busy=${this.exporting ? 'true' : 'false'}>Export CSV</a>
          </div>
        </form>
        ${formError(this.exportError)}
        ${this.error ? this.errorNotice() : nothing}
        <p class="report-status" role="status">${this.loading ? 'Loading the figures…' : ''}</p>
        ${this.summary ? this.figures(this.summary) : nothing}
        ${this.agents ? this.agentTable(this.agents) : nothing}
      </div>`;
  }

  errorNotice() {
    const err = this.error;
    if (err.status === 422 && err.problem.errors) {
      return html`<p class="form-error" role="alert">${err.problem.errors.map((e) => e.message).join('; ')}</p>`;
    }
    return formError(err);
  }

  figures(s) {
    return html`
      <div class="report-stats">
        ${this.stat('report-created', 'Conversations created', count.format(s.conversations_created), `${count.format(s.unanswered)} unanswered`)}
        ${this.stat('report-resolved', 'Resolutions', count.format(s.conversations_resolved), 'Each move to resolved')}
        ${this.stat('report-received', 'Messages received', count.format(s.messages_received), 'From visitors')}
        ${this.stat('report-sent', 'Replies sent', count.format(s.messages_sent), 'Notes left out')}
        ${this.stat('report-first-response', 'Median first response', duration(s.first_response.median_seconds),
          `90th percentile ${duration(s.first_response.p90_seconds)}, ${count.format(s.first_response.count)} answered`)}
        ${this.stat('report-resolution', 'Median resolution time', duration(s.resolution.median_seconds),
          `90th percentile ${duration(s.resolution.p90_seconds)}`)}
      </div>
      <div class="report-charts">
        <figure class="panel chart" aria-labelledby="report-volume-title">
          <figcaption id="report-volume-title">Conversations and messages per ${this.choice.interval}</figcaption>
          <div class="plot" data-chart="volume" role="img"
            aria-label=${`Conversations and messages per ${this.choice.interval}: ${s.conversations_created} conversations created, ${s.messages_received} messages received, ${s.messages_sent} replies sent`}></div>
        </figure>
        <figure class="panel chart" aria-labelledby="report-response-title">
          <figcaption id="report-response-title">Median first response time per ${this.choice.interval}</figcaption>
          <div class="plot" data-chart="response" role="img"
            aria-label=${`Median first response time per ${this.choice.interval}; overall ${duration(s.first_response.median_seconds)}`}></div>
        </figure>
      </div>`;
  }

  stat(id, label, value, note) {
    return html`<div class="stat panel" role="group" aria-labelledby=${id}>
      <p class="label" id=${id}>${label}</p>
      <p class="value">${value}</p>
      <p class="note">${note}</p>
    </div>`;
  }

  agentTable(rows) {
    return html`
      <section class="panel" aria-labelledby="report-agents-title">
        <h2 id="report-agents-title">Per member</h2>
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Figures per member</caption>
            <thead><tr>
              <th scope="col">Member</th><th scope="col" class="num">Replies sent</th>
              <th scope="col" class="num">Resolutions</th><th scope="col" class="num">First responses</th>
              <th scope="col" class="num">Median first response</th><th scope="col" class="num">90th percentile</th>
              <th scope="col" class="num">Median resolution time</th>
            </tr></thead>
            <tbody>${rows.map((a) => html`<tr>
              <th scope="row">${a.member_id ? a.name : html`<span class="api-name">${a.name}</span> <span class="muted">(API keys)</span>`}</th>
              <td class="num">${count.format(a.messages_sent)}</td>
              <td class="num">${count.format(a.conversations_resolved)}</td>
              <td class="num">${count.format(a.first_response.count)}</td>
              <td class="num">${duration(a.first_response.median_seconds)}</td>
              <td class="num">${duration(a.first_response.p90_seconds)}</td>
              <td class="num">${duration(a.resolution.median_seconds)}</td>
            </tr>`)}</tbody>
          </table>
        </div>
      </section>`;
  }

  // ---- charts ----

  drawCharts() {
    const s = this.summary;
    const key = s ? JSON.stringify([this.shown, s.series.length, s.from]) : null;
    if (key === this.drawn && this.charts.every((c) => this.contains(c.root))) return;
    this.destroyCharts();
    this.drawn = key;
    if (!s) return;
    const x = s.series.map((e) => Date.parse(e.start) / 1000);
    const tzDate = (ts) => uPlot.tzDate(new Date(ts * 1000), ZONE);
    const volume = this.querySelector('[data-chart="volume"]');
    const response = this.querySelector('[data-chart="response"]');
    // The x scale is the range itself: with one entry uPlot would otherwise pick years around it.
    const end = Date.parse(s.to) / 1000;
    const common = (el) => ({ width: Math.max(300, el.clientWidth), height: 240, tzDate, legend: { live: false } });
    const xScale = { time: true, range: () => [x[0], Math.max(end, x[x.length - 1] + 1)] };
    const bars = uPlot.paths.bars({ size: [0.6, 40] });
    this.charts.push(new uPlot({
      ...common(volume),
      series: [
        {},
        { label: 'Conversations created', stroke: '#2c6bed', fill: 'rgba(44,107,237,.25)', paths: bars },
        { label: 'Resolutions', stroke: '#2f9e61', width: 2 },
        { label: 'Messages received', stroke: '#d97706', width: 2 },
        { label: 'Replies sent', stroke: '#7c3aed', width: 2, dash: [6, 4] },
      ],
      axes: [{}, { label: 'Count', size: 50 }],
      scales: { x: xScale, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    }, [x, s.series.map((e) => e.conversations_created), s.series.map((e) => e.conversations_resolved),
      s.series.map((e) => e.messages_received), s.series.map((e) => e.messages_sent)], volume));
    this.charts.push(new uPlot({
      ...common(response),
      series: [
        {},
        { label: 'Median first response', stroke: '#c4362b', width: 2, spanGaps: false,
          points: { show: true, size: 6 }, value: (u, v) => (v === null || v === undefined ? '—' : duration(v * 60)) },
      ],
      axes: [{}, { label: 'Minutes', size: 55 }],
      scales: { x: xScale, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    }, [x, s.series.map((e) => (e.first_response_median_seconds === null ? null : e.first_response_median_seconds / 60))], response));
    this.resize.observe(volume);
  }

  sizeCharts() {
    for (const chart of this.charts) {
      const width = Math.max(300, chart.root.parentElement.clientWidth);
      if (Math.abs(width - chart.width) > 2) chart.setSize({ width, height: 240 });
    }
  }

  destroyCharts() {
    if (this.resize) this.resize.disconnect();
    this.charts.forEach((chart) => chart.destroy());
    this.charts = [];
    this.drawn = null;
  }
}

customElements.define('cv-reports', Reports);
