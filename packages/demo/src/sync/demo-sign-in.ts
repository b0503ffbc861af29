/**
 * `<fallkit-demo-sign-in>`: the demo header's sign-in through the identity provider of `npm start`. Shows
 * nothing when the page is not served by `npm start`. Signed in, it names the person as the sync server sees
 * them and fires `fallkit-demo-identity` (`detail.userId`), so the page acts as that person.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { readStartConfig, type StartConfig } from './start-config.js';
import { completeSignIn, currentSignIn, signOut, startSignIn, type SignedIn } from './sign-in.js';
import { whoAmI, type ServerAnswer } from './server-session.js';

/** Detail of `fallkit-demo-identity`: the signed-in person's user id (undefined after signing out). */
export interface DemoIdentityDetail {
  readonly userId: string | undefined;
  readonly accessToken: string | undefined;
}

const WORDS = {
  de: {
    signIn: 'Über den Anmeldedienst anmelden',
    signOut: 'Abmelden',
    signedIn: 'Angemeldet über den Anmeldedienst',
    server: 'Sync-Server',
    connected: 'verbunden',
    checking: 'wird geprüft …',
  },
  en: {
    signIn: 'Sign in through the identity provider',
    signOut: 'Sign out',
    signedIn: 'Signed in through the identity provider',
    server: 'Sync server',
    connected: 'connected',
    checking: 'checking …',
  },
} as const;

/**
 * The sign-in of the demo page.
 * @tagname fallkit-demo-sign-in
 * @fires fallkit-demo-identity - the signed-in person changed
 */
export class FallkitDemoSignIn extends LitElement {
  @property() override lang: 'de' | 'en' = 'de';
  @state() private config: StartConfig | undefined;
  @state() private signedIn: SignedIn | undefined;
  @state() private server: ServerAnswer | undefined;
  @state() private problem = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  /** The signed-in person's access token, for the sync client. */
  get accessToken(): string | undefined {
    return this.signedIn?.accessToken;
  }

  private async start(): Promise<void> {
    this.config = readStartConfig();
    if (!this.config) return;
    const completed = await completeSignIn();
    if (completed && 'code' in completed) this.problem = completed.message[this.lang];
    this.signedIn = currentSignIn();
    if (this.signedIn) await this.announce();
  }

  private async announce(): Promise<void> {
    const signedIn = this.signedIn;
    if (!signedIn || !this.config) return;
    if (this.config.sync) this.server = await whoAmI(this.config.sync.baseUrl, signedIn);
    // The page acts as the person the server names (DP-40); without a server, as the token's subject.
    const userId = this.server?.ok ? this.server.me.actor.id : this.server ? undefined : signedIn.sub;
    this.dispatchEvent(
      new CustomEvent<DemoIdentityDetail>('fallkit-demo-identity', {
        detail: { userId, accessToken: signedIn.accessToken },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private signIn(): void {
    if (!this.config) return;
    void startSignIn({ issuer: this.config.signIn.issuer, clientId: this.config.signIn.clientId, lang: this.lang });
  }

  private signOutHere(): void {
    signOut();
    this.signedIn = undefined;
    this.server = undefined;
    this.dispatchEvent(
      new CustomEvent<DemoIdentityDetail>('fallkit-demo-identity', {
        detail: { userId: undefined, accessToken: undefined },
        bubbles: true,
        composed: true,
      }),
    );
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.config) return nothing;
    const words = WORDS[this.lang];
    if (!this.signedIn) {
      return html`<div class="sign-in">
        <button type="button" class="sign-in-button" @click=${() => this.signIn()}>${words.signIn}</button>
        ${this.problem ? html`<span class="sign-in-problem" role="alert">${this.problem}</span>` : nothing}
      </div>`;
    }
    const server = this.server;
    return html`<div class="sign-in" data-signed-in=${this.signedIn.sub}>
      <span
        >${words.signedIn}: <strong class="signed-in-name">${this.signedIn.name}</strong> ${
          this.config.sync
            ? html` · ${words.server}:
                <span class="sync-server-state" role="status"
                  >${server === undefined ? words.checking : server.ok ? words.connected : server.message[this.lang]}</span
                >`
            : nothing
        }</span
      >
      <button type="button" class="sign-out-button" @click=${() => this.signOutHere()}>${words.signOut}</button>
    </div>`;
  }
}

customElements.define('fallkit-demo-sign-in', FallkitDemoSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'fallkit-demo-sign-in': FallkitDemoSignIn;
  }
}
