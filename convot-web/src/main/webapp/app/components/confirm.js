import { View, html, nothing, stylesheet } from '../view.js';

stylesheet(import.meta.url);

let counter = 0;

/**
 * Asks before an action that cannot be undone, in a modal `<dialog>`: focus stays inside, Escape
 * and Cancel answer no, and focus returns where it was. With `typeToConfirm` the action waits
 * until that text is typed (as Stripe asks for a name before deleting). Resolves true to go ahead.
 *
 *   if (await confirmAction({ title: 'Revoke “CI”?', message: '...', confirmLabel: 'Revoke key' })) ...
 *
 * `message` may be text or a lit template; either way user text in it stays text.
 */
export function confirmAction({ title, message, confirmLabel, typeToConfirm, destructive = true }) {
  const dialog = document.createElement('cv-confirm');
  Object.assign(dialog, { heading: title, message, confirmLabel, typeToConfirm, destructive });
  const returnFocus = document.activeElement;
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('answer', (e) => {
      dialog.remove();
      if (returnFocus && returnFocus.isConnected) returnFocus.focus();
      resolve(e.detail);
    }, { once: true });
  });
}

class Confirm extends View {
  static properties = {
    heading: { attribute: false },
    message: { attribute: false },
    confirmLabel: { attribute: false },
    typeToConfirm: { attribute: false },
    destructive: { attribute: false },
    typed: { state: true },
  };

  constructor() {
    super();
    this.uid = `confirm-${++counter}`;
    this.typed = '';
  }

  firstUpdated() {
    const dialog = this.querySelector('dialog');
    dialog.showModal();
    // The safe choice has focus unless a name must be typed first.
    this.querySelector(this.typeToConfirm ? 'input' : 'button.cancel').focus();
  }

  get ready() {
    return !this.typeToConfirm || this.typed.trim() === this.typeToConfirm.trim();
  }

  answer(yes) {
    const dialog = this.querySelector('dialog');
    if (dialog.open) dialog.close();
    this.dispatchEvent(new CustomEvent('answer', { detail: yes }));
  }

  submit(e) {
    e.preventDefault();
    if (this.ready) this.answer(true);
  }

  render() {
    const id = this.uid;
    return html`
      <dialog class="confirm" aria-labelledby=${`${id}-title`} aria-describedby=${`${id}-message`}
        @cancel=${(e) => { e.preventDefault(); this.answer(false); }}>
        <form @submit=${this.submit}>
          <h2 id=${`${id}-title`}>${this.heading}</h2>
          <div id=${`${id}-message`} class="confirm-message">${this.message}</div>
          ${this.typeToConfirm ? html`
            <label for=${`${id}-typed`}>Type <strong>${this.typeToConfirm}</strong> to confirm</label>
            <input id=${`${id}-typed`} type="text" autocomplete="off" spellcheck="false"
              .value=${this.typed} @input=${(e) => { this.typed = e.target.value; }}>` : nothing}
          <div class="actions confirm-actions">
            <button type="button" class="cancel" @click=${() => this.answer(false)}>Cancel</button>
            <button type="submit" class=${this.destructive ? 'destructive' : 'primary'} ?disabled=${!this.ready}>${this.confirmLabel}</button>
          </div>
        </form>
      </dialog>`;
  }
}
customElements.define('cv-confirm', Confirm);
