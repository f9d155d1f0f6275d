/* A shop's churn risk as words: the level as a badge, the reasons as a short list. */
import { html, nothing, stylesheet } from '../view.js';

stylesheet(import.meta.url);

const LEVELS = { high: ['High', 'bad'], medium: ['Medium', 'warn'], low: ['Low', 'ok'] };

const REASONS = {
  uninstalled: 'Uninstalled the app',
  shop_deactivated: 'Shop deactivated',
  charge_frozen: 'Charge frozen',
  charge_declined: 'Charge declined',
  charge_cancelled: 'Charge cancelled',
  charge_expired: 'Charge expired',
  recent_reinstall: 'Reinstalled in the last 30 days',
  usage_dropping: 'Usage revenue fell by half or more',
};

export const RISK_LEVELS = ['high', 'medium', 'low'];

export function riskLabel(level) {
  return (LEVELS[level] || [level])[0];
}

export function riskBadge(level) {
  if (!level) return nothing;
  const [label, tone] = LEVELS[level] || [level, ''];
  return html`<span class="badge ${tone}">${label} risk</span>`;
}

export function reasonText(reason) {
  return REASONS[reason] || reason.replaceAll('_', ' ');
}

export function reasons(list) {
  if (!list || !list.length) return nothing;
  return html`<ul class="reasons">${list.map((r) => html`<li>${reasonText(r)}</li>`)}</ul>`;
}
