import { View, html, copyText, stylesheet } from '../view.js';

stylesheet(import.meta.url);

/**
 * A button that copies `text` to the clipboard and says so in a live region; when the browser
 * refuses (no permission, not a secure context) it says how to copy by hand instead.
 * `what` names the thing for screen readers ("Copy snippet") while the button shows `label`.
 */
class CopyButton extends View {
  static properties = {
    text: { attribute: false },
    label: {},
    what: {},
    outcome: { state: true },
  };

  constructor() {
    super();
    this.label = 'Copy';
  }

  async copy() {
    this.outcome = (await copyText(this.text)) ? 'Copied' : 'Copying was refused: select the text and press Ctrl+C';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.outcome = ''; }, 5000);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  render() {
    return html`<button type="button" class="copy" aria-label=${this.what ? `${this.label} ${this.what}` : this.label}
      @click=${this.copy}>${this.label}</button><span class="copy-outcome" role="status">${this.outcome}</span>`;
  }
}
customElements.define('cv-copy-button', CopyButton);
