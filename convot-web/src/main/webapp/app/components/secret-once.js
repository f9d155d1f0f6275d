import { View, html, stylesheet } from '../view.js';
import './copy-button.js';

stylesheet(import.meta.url);

let counter = 0;

/**
 * A value the server shows only once (an API key, a signing secret, an invitation link): in a
 * read-only field that selects itself on focus, with a copy button and a warning that it cannot be
 * shown again. "Done" fires `done`, for the page to drop the value.
 */
class SecretOnce extends View {
  static properties = {
    value: { attribute: false },
    label: {},
    warning: {},
  };

  constructor() {
    super();
    this.uid = `secret-once-${++counter}`;
    this.warning = 'It is shown only this once: once you leave this page it cannot be shown again.';
  }

  /** Moves focus to the value, so keyboard and screen-reader users land on what they must copy. */
  focusValue() {
    this.updateComplete.then(() => this.querySelector('input').focus());
  }

  render() {
    const id = this.uid;
    return html`
      <div class="secret-once" role="group" aria-labelledby=${`${id}-label`}>
        <p class="secret-once-warning" id=${`${id}-warning`}><strong>Copy it now.</strong> ${this.warning}</p>
        <label id=${`${id}-label`} for=${id}>${this.label}</label>
        <div class="secret-once-row">
          <input id=${id} type="text" class="secret" readonly .value=${this.value || ''} spellcheck="false" autocomplete="off"
            aria-describedby=${`${id}-warning`} @focus=${(e) => e.target.select()}>
          <cv-copy-button .text=${this.value} what=${this.label}></cv-copy-button>
        </div>
        <button type="button" class="secret-once-done" @click=${() => this.dispatchEvent(new CustomEvent('done', { bubbles: true }))}>Done</button>
      </div>`;
  }
}
customElements.define('cv-secret-once', SecretOnce);
