/**
 * The demo's handover pages on a shared server (issue 16), in light DOM around the Fallkit elements:
 * `<fallkit-demo-handover-send>` on a case's "Übergabe" section (the package preview for the Jobcenter with
 * the consent in words, sign and send, the status loop from `views.handoverStatus`) and
 * `<fallkit-demo-handover-inbox>` on the caseload page of the receiving agency (`<fk-handover-inbox>`:
 * what came, what was withheld and why; accept or decline). Every read is a decided channel of the core.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CaseConsents, CaseHandoverStatus, TransferPreview } from '@fallkit/core';
import { EXAMPLE_AGENCIES } from '@fallkit/core/examples';
import { candidateUnits } from '@fallkit/handover';
import '@fallkit/components/define/fk-handover-package';
import '@fallkit/components/define/fk-handover-inbox';
import type { HandoverInboxEntry } from '@fallkit/components';
import { hrefOf } from '../app/routes.js';
import type { HandoverDesk, IncomingPackage } from './handover-desk.js';

const PURPOSE = 'caseManagement';
const WORDS = {
  de: {
    sent: 'Das Übergabepaket wurde signiert und an das Postfach der Stelle gesendet.',
    refused: 'Nicht gesendet:',
    file: 'Das Übergabepaket wurde signiert und für die empfangende Stelle verschlüsselt. Geben Sie die Datei auf einem vereinbarten Weg weiter:',
    fileLink: 'Datei {name} herunterladen',
    fileRefused: 'Keine Datei erstellt:',
    accepted: 'Angenommen: die eigene Akte ist angelegt.',
    declined: 'Abgelehnt: es wurde nichts übernommen; der Grund geht an die absendende Stelle.',
    opened: 'Die Datei ist geöffnet und geprüft; das Paket steht unten zur Annahme oder Ablehnung.',
    openCase: 'Akte öffnen',
    refresh: 'Postfach abrufen',
    noBasis:
      'Keine offene Einwilligung nennt das Jobcenter als Empfänger. Diese Demo übergibt nur auf eine Einwilligung der Person hin.',
  },
  en: {
    sent: "The handover package was signed and sent to the agency's inbox.",
    refused: 'Not sent:',
    file: 'The handover package was signed and encrypted for the receiving agency. Pass the file on by an agreed way:',
    fileLink: 'Download the file {name}',
    fileRefused: 'No file made:',
    accepted: 'Accepted: the own case is opened.',
    declined: 'Declined: nothing was taken over; the reason goes to the sending agency.',
    opened: 'The file is opened and checked; the package is listed below to accept or decline.',
    openCase: 'Open case',
    refresh: 'Check the inbox',
    noBasis: "No open consent names the Jobcenter as recipient. This demo hands over on the person's consent only.",
  },
} as const;

/** The package to the Jobcenter for one case, and the loop of earlier ones. */
export class FallkitDemoHandoverSend extends LitElement {
  @property() override lang: 'de' | 'en' = 'de';
  @property({ attribute: false }) desk?: HandoverDesk;
  @property({ attribute: false }) caseId = '';
  @state() private preview?: TransferPreview;
  @state() private status?: CaseHandoverStatus;
  @state() private consents?: CaseConsents;
  @state() private notice = '';
  @state() private file?: { name: string; url: string };
  private loaded = '';
  private busy = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private get recipient() {
    return EXAMPLE_AGENCIES.jobcenter;
  }

  protected override updated(): void {
    if (this.desk && this.caseId && this.loaded !== this.caseId) {
      this.loaded = this.caseId;
      void this.load();
    }
  }

  /** The basis: the person's consent that names the recipient and is not withdrawn (DP-07, DP-14). */
  private basis(consents: CaseConsents | undefined): string | undefined {
    const open = consents?.consents.find(
      (c) => c.withdrawals.length === 0 && c.record.recipients.some((r) => r.agencyId === this.recipient.agencyId),
    );
    return open === undefined ? undefined : `consent:${open.record.id}`;
  }

  /** Reads preview, consents and loop through the core's decided channels; records answers that came back. */
  async load(): Promise<void> {
    const desk = this.desk;
    if (!desk) return;
    const views = desk.views;
    const status = await views.handoverStatus(this.caseId, PURPOSE);
    const sent = status.ok ? status.value.loops.filter((l) => l.side === 'sent').map((l) => l.packageId) : [];
    if (sent.length > 0 && (await desk.collectStatus(this.caseId, sent)) > 0) return this.load();
    this.status = status.ok ? status.value : undefined;
    const consents = await views.consents(this.caseId, PURPOSE);
    this.consents = consents.ok ? consents.value : undefined;
    const basis = this.basis(this.consents);
    const words = WORDS[this.lang];
    const view = await views.viewCase(this.caseId, PURPOSE);
    if (!view.ok || basis === undefined) {
      this.preview = undefined;
      this.notice = view.ok ? words.noBasis : view.errors.map((e) => e.message[this.lang]).join(' ');
      return;
    }
    const preview = await views.previewTransfer(this.caseId, {
      recipient: { ...this.recipient, kind: 'statutoryAgency' },
      legalBasis: basis,
      purpose: PURPOSE,
      items: candidateUnits(view.value),
    });
    if (!preview.ok) this.notice = preview.errors.map((e) => `${e.message[this.lang]} (${e.code})`).join(' ');
    this.preview = preview.ok ? preview.value : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.file) URL.revokeObjectURL(this.file.url);
  }

  /** Builds, signs and encrypts the package to the recipient's published key, and offers the file. */
  private async makeFile(basis: string): Promise<void> {
    const words = WORDS[this.lang];
    const made = await this.desk!.file(this.caseId, this.recipient, basis);
    if (this.file) URL.revokeObjectURL(this.file.url);
    this.file = undefined;
    if (!made.ok) {
      this.notice = `${words.fileRefused} ${made.errors.map((e) => e.message[this.lang]).join(' ')}`;
      return;
    }
    const url = URL.createObjectURL(new Blob([made.value.text], { type: made.value.type }));
    this.file = { name: made.value.name, url };
    this.notice = words.file;
    await this.updateComplete;
    this.querySelector<HTMLAnchorElement>('a.handover-file')?.click();
  }

  private async onSend(event: CustomEvent<{ delivery: 'send' | 'file' }>): Promise<void> {
    const words = WORDS[this.lang];
    const basis = this.basis(this.consents);
    if (!this.desk || basis === undefined || this.busy) return;
    this.busy = true;
    try {
      if (event.detail.delivery === 'file') {
        await this.makeFile(basis);
        await this.load();
        return;
      }
      const sent = await this.desk.send(this.caseId, this.recipient, basis);
      this.notice = sent.ok
        ? words.sent
        : `${words.refused} ${sent.errors.map((e) => e.message[this.lang]).join(' ')} (${sent.errors.map((e) => e.code).join(', ')})`;
      await this.load();
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    return html`<section class="handover-exchange" data-case=${this.caseId}>
      <fk-handover-package
        lang=${this.lang}
        .preview=${this.preview}
        .recipient=${this.recipient}
        .status=${this.status}
        .consents=${this.consents}
        @fk-handover-send=${(event: CustomEvent<{ delivery: 'send' | 'file' }>) => void this.onSend(event)}
      ></fk-handover-package>
      <div role="status">
        ${this.notice ? html`<p class="handover-notice">${this.notice}</p>` : nothing}
        ${
          this.file
            ? html`<p>
                <a class="handover-file" href=${this.file.url} download=${this.file.name}
                  >${WORDS[this.lang].fileLink.replace('{name}', this.file.name)}</a
                >
              </p>`
            : nothing
        }
      </div>
    </section>`;
  }
}

/** The receiving agency's inbox of handover packages. */
export class FallkitDemoHandoverInbox extends LitElement {
  @property() override lang: 'de' | 'en' = 'de';
  @property({ attribute: false }) desk?: HandoverDesk;
  @state() private entries: HandoverInboxEntry[] = [];
  @state() private notice = '';
  @state() private openedCase = '';
  private incoming: IncomingPackage[] = [];
  /** Packages opened from files in this tab, not answered yet (a file is not in the server's inbox). */
  private files: IncomingPackage[] = [];
  private started = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override updated(): void {
    if (this.desk && !this.started) {
      this.started = true;
      void this.refresh();
    }
  }

  /** The inbox's packages (verified), then the ones this desk answered, with where their loop stands. */
  async refresh(): Promise<void> {
    const desk = this.desk;
    if (!desk) return;
    const listed = await desk.incoming();
    this.incoming = [...this.files, ...(listed.ok ? listed.value : [])];
    const entries: HandoverInboxEntry[] = [];
    for (const [index, item] of this.incoming.entries()) {
      if ('verified' in item) entries.push({ ...item.verified.package.manifest, status: 'received' });
      else
        entries.push({
          packageId: item.messageId ?? `file-${index}`,
          ...(item.fileName === undefined ? {} : { fileName: item.fileName }),
          sender: { agencyId: item.senderAgencyId ?? '', name: item.senderAgencyId ?? '' },
          issuedAt: '',
          expiresAt: '',
          purpose: '',
          legalBasis: { label: '' },
          purposeBindingNotice: { de: '', en: '' },
          included: { categories: [], items: [] },
          withheld: [],
          refusal: item.refusal,
        });
    }
    const waiting = new Set(entries.map((e) => e.packageId));
    for (const known of desk.memory.allKnown()) {
      if (waiting.has(known.manifest.packageId) || known.answered === 'received') continue;
      // Where the loop stands, from the own case's decided channel (withdrawn once the notice came).
      let status = known.answered ?? 'received';
      if (known.caseId !== undefined) {
        const loop = await desk.views.handoverStatus(known.caseId, PURPOSE);
        const own = loop.ok ? loop.value.loops.find((l) => l.packageId === known.manifest.packageId) : undefined;
        if (own?.status) status = own.status;
      }
      entries.push({ ...known.manifest, status: status as NonNullable<HandoverInboxEntry['status']> });
    }
    this.entries = entries;
  }

  /** A chosen file: opened with this device's key and verified; listed to answer, or with its refusal. */
  private async onFile(event: CustomEvent<{ name: string; text: string }>) {
    const desk = this.desk;
    if (!desk) return;
    const opened = await desk.openFile(event.detail.name, event.detail.text);
    const id = (item: IncomingPackage) => ('verified' in item ? item.verified.package.manifest.packageId : undefined);
    // A file chosen twice is listed once; a refusal replaces an earlier refusal of the same file name.
    this.files = [
      opened,
      ...this.files.filter((f) =>
        'verified' in opened ? id(f) !== id(opened) : 'verified' in f || f.fileName !== opened.fileName,
      ),
    ];
    this.notice = 'verified' in opened ? WORDS[this.lang].opened : '';
    await this.refresh();
  }

  private async onAnswer(event: CustomEvent<{ packageId: string; status: 'accepted' | 'declined'; note?: string }>) {
    const desk = this.desk;
    const item = this.incoming.find(
      (i) => 'verified' in i && i.verified.package.manifest.packageId === event.detail.packageId,
    );
    if (!desk || !item) return;
    const answered = await desk.answer(item, event.detail.status, event.detail.note);
    if (answered.ok) this.files = this.files.filter((f) => f !== item);
    const words = WORDS[this.lang];
    this.notice = answered.ok
      ? event.detail.status === 'accepted'
        ? words.accepted
        : words.declined
      : answered.errors.map((e) => `${e.message[this.lang]} (${e.code})`).join(' ');
    this.openedCase = answered.ok ? (answered.value.caseId ?? '') : '';
    await this.refresh();
  }

  override render(): TemplateResult {
    const words = WORDS[this.lang];
    return html`<section class="handover-inbox-page">
      <fk-handover-inbox
        lang=${this.lang}
        .packages=${this.entries}
        @fk-handover-answer=${(
          event: CustomEvent<{ packageId: string; status: 'accepted' | 'declined'; note?: string }>,
        ) => void this.onAnswer(event)}
        @fk-handover-file=${(event: CustomEvent<{ name: string; text: string }>) => void this.onFile(event)}
      ></fk-handover-inbox>
      <p>
        <button type="button" class="handover-refresh" @click=${() => void this.refresh()}>${words.refresh}</button>
        ${
          this.openedCase
            ? html`<a
                class="handover-opened"
                href=${hrefOf({ page: 'case', caseId: this.openedCase, section: 'overview' })}
                >${words.openCase}</a
              >`
            : nothing
        }
      </p>
      ${this.notice ? html`<p class="handover-notice" role="status">${this.notice}</p>` : nothing}
    </section>`;
  }
}

customElements.define('fallkit-demo-handover-send', FallkitDemoHandoverSend);
customElements.define('fallkit-demo-handover-inbox', FallkitDemoHandoverInbox);

declare global {
  interface HTMLElementTagNameMap {
    'fallkit-demo-handover-send': FallkitDemoHandoverSend;
    'fallkit-demo-handover-inbox': FallkitDemoHandoverInbox;
  }
}
