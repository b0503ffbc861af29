/**
 * The unlock form: the demo's store is encrypted (DP-37) and opens with a passphrase.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { DEMO_PASSPHRASE } from '../demo-session.js';
import { t, type DemoLanguage } from '../texts.js';

/** What the unlock form needs. */
export interface UnlockProps {
  readonly lang: DemoLanguage;
  readonly busy: boolean;
  readonly error: string;
  readonly onUnlock: (passphrase: string) => void;
}

/** The unlock form. */
export function renderUnlock(props: UnlockProps): TemplateResult {
  const { lang } = props;
  const submit = (event: Event) => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('passphrase') as HTMLInputElement;
    props.onUnlock(input.value);
  };
  return html`<section class="unlock" aria-labelledby="unlock-heading">
    <h1 id="unlock-heading">${t(lang, 'unlockTitle')}</h1>
    <p>${t(lang, 'unlockIntro')}</p>
    <p class="hint">${t(lang, 'unlockDemoHint', { p: DEMO_PASSPHRASE })}</p>
    <form class="unlock-form" @submit=${submit}>
      <label for="passphrase">${t(lang, 'passphrase')}</label>
      <input
        id="passphrase"
        name="passphrase"
        type="password"
        autocomplete="current-password"
        required
        ?disabled=${props.busy}
        aria-invalid=${props.error ? 'true' : 'false'}
        aria-describedby=${props.error ? 'unlock-error' : nothing}
      />
      <button type="submit" class="primary" ?disabled=${props.busy}>${t(lang, 'unlock')}</button>
    </form>
    ${props.busy ? html`<p role="status">${t(lang, 'unlocking')}</p>` : nothing}
    ${props.error ? html`<p id="unlock-error" class="error" role="alert">${props.error}</p>` : nothing}
  </section>`;
}
