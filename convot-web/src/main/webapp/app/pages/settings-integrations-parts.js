/*
 * Two small pieces the Webhooks and Shopify settings share: a secret shown once with a copy button,
 * and a modal confirmation for actions that cannot be undone. Both render user data as text only.
 */
import { render } from 'lit';
import { View, html, nothing, copyText, stylesheet } from '../view.js';

stylesheet(import.meta.url);

let uniqueIds = 0;

/**
 * Asks before a destructive action in a modal <dialog> (focus stays inside, Escape cancels).
 * Resolves true when the person confirmed.
 */
export function confirmAction({ title, message, confirmLabel, destructive = true }) {
  const id = `confirm-${++uniqueIds}`;
  const dialog = document.createElement('dialog');
  dialog.className = 'confirm';
  dialog.setAttribute('aria-labelledby', `${id}-title`);
  dialog.setAttribute('aria-describedby', `${id}-message`);
  render(html`
    <form method="dialog">
      <h2 id="${id}-title">${title}</h2>
      <p id="${id}-message">${message}</p>
      <div class="actions">
        <button value="cancel" autofocus>Cancel</button>
        <button value="confirm" class=${destructive ? 'danger' : 'primary'}>${confirmLabel}</button>
      </div>
    </form>`, dialog);
  document.body.append(dialog);
  const opener = document.activeElement;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener && opener.isConnected) opener.focus();
      resolve(dialog.returnValue === 'confirm');
    }, { once: true });
    dialog.showModal();
  });
}

/**
 * A secret Convot shows this once: read-only in a labelled box that selects itself on focus, with
 * Copy, a warning that it cannot be shown again, and Done, which fires `done` for the page to drop it.
 */
class ShownOnceSecret extends View {
  static properties = {
    value: { attribute: false },
    label: {},
    warning: {},
    copied: { state: true },
  };

  constructor() {
    super();
    this.label = 'Secret';
    this.warning = 'It is shown only this once and cannot be read again.';
    this.inputId = `secret-${++uniqueIds}`;
  }

  willUpdate(changed) {
    if (changed.has('value')) this.copied = null;
  }

  async copy() {
    this.copied = (await copyText(this.value)) ? 'Copied to the clipboard.' : 'Copying was refused: select the text and copy it.';
  }

  render() {
    if (!this.value) return nothing;
    return html`
      <div class="shown-once">
        <label for=${this.inputId}>${this.label}</label>
        <div class="shown-once-row">
          <input id=${this.inputId} type="text" class="secret" readonly .value=${this.value}
            aria-describedby="${this.inputId}-hint" @focus=${(e) => e.target.select()}>
          <button type="button" @click=${this.copy}>Copy</button>
        </div>
        <p class="hint" id="${this.inputId}-hint"><strong>Copy it now.</strong> ${this.warning}</p>
        <p class="copied" role="status">${this.copied || ''}</p>
        <button type="button" class="primary" @click=${() => this.dispatchEvent(new Event('done'))}>Done</button>
      </div>`;
  }
}
customElements.define('cv-shown-once-secret', ShownOnceSecret);
