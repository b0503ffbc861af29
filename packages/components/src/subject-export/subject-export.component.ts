import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { subjectExportDocument, type ExportDocumentSection, type SubjectExport } from '@fallkit/core/rights';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { subjectExportMessages } from './subject-export.messages.js';

/** What a download hands over: the file the browser saves. */
export interface SubjectExportDownload {
  readonly name: string;
  readonly type: string;
  readonly text: string;
}

/**
 * The person's export (DP-29, Art. 15/20 GDPR) in its three forms: the readable, printable document
 * (German first; the page's language), and downloads of the JSON and, when the host passes one, the
 * FHIR R4 Bundle (`subjectExportBundle` of `@fallkit/fhir`). Read-only: the host passes the decided
 * export (`views.exportSubject`, which decides who may); every text is rendered as text.
 *
 * @tagname fk-subject-export
 * @summary The person's export (Auskunft) as a printable document, JSON and FHIR Bundle.
 *
 * @csspart document - The printable document.
 * @csspart actions - The bar with print and downloads.
 */
export class FkSubjectExport extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-xs')};
        justify-content: flex-end;
        margin-block-end: ${token('space-s')};
      }
      .doc {
        max-inline-size: 60rem;
        margin-inline: auto;
        padding: ${token('space-xl')};
        border: ${token('border-width')} solid ${token('color-border-subtle')};
        border-radius: ${token('radius-l')};
        background: ${token('color-surface')};
        line-height: 1.5;
      }
      h2 {
        margin: 0;
        font-size: 1.5rem;
      }
      h3 {
        margin-block: ${token('space-l')} ${token('space-2xs')};
        font-size: 1.05rem;
        padding-block-end: ${token('space-3xs')};
        border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
      }
      .meta {
        margin: ${token('space-3xs')} 0 0;
        color: ${token('color-text-muted')};
      }
      table {
        inline-size: 100%;
        border-collapse: collapse;
        font-size: ${token('font-size-s')};
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: ${token('space-3xs')} ${token('space-2xs')};
        border-block-end: ${token('border-width')} solid ${token('color-border-subtle')};
      }
      td.content {
        white-space: pre-line;
      }
      tr {
        break-inside: avoid;
      }
      @media print {
        .bar {
          display: none !important;
        }
        .doc {
          border: none;
          padding: 0;
          max-inline-size: none;
          color: #000;
        }
      }
    `,
  ];

  /** The decided export of the person (`views.exportSubject`). */
  @property({ attribute: false }) export?: SubjectExport;

  /** The same export as a FHIR R4 Bundle, when the host offers it (`subjectExportBundle`). */
  @property({ attribute: false }) bundle?: object;

  /** Host overrides of the texts. */
  @property({ attribute: false }) messages?: MessageOverrides;

  /**
   * How a file is saved; the browser's download (a temporary object URL, no network) if absent. A host
   * that keeps files itself (a document store, the access request's record) passes its own.
   */
  @property({ attribute: false }) saveFile?: (file: SubjectExportDownload) => void;

  private readonly i18n = new LocalizeController(this, {
    catalog: subjectExportMessages,
    overrides: () => this.messages,
  });

  /** Saves a file through the host's `saveFile`, or as a browser download. */
  private download(file: SubjectExportDownload): void {
    if (this.saveFile !== undefined) {
      this.saveFile(file);
      return;
    }
    const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  private fileName(extension: string): string {
    const exported = this.export!;
    return `auskunft-${exported.subjectId}-${exported.generatedAt.slice(0, 10)}.${extension}`;
  }

  private renderSection(section: ExportDocumentSection) {
    const table = section.table;
    const last = (table?.columns.length ?? 0) - 1;
    return html`<section>
      <h3>${section.heading}</h3>
      ${section.paragraphs.map((p) => html`<p>${p}</p>`)}
      ${
        table === undefined || table.rows.length === 0
          ? nothing
          : html`<table>
              <thead>
                <tr>
                  ${table.columns.map((c) => html`<th scope="col">${c}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${table.rows.map(
                  (row) =>
                    html`<tr>
                      ${row.map((cell, i) => html`<td class=${i === last ? 'content' : ''}>${cell}</td>`)}
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>`;
  }

  override render() {
    const t = this.i18n;
    if (this.export === undefined) return html`<p>${t.t('subjectExport.empty')}</p>`;
    const document = subjectExportDocument(this.export, t.lang === 'en' ? 'en' : 'de');
    const bundle = this.bundle;
    return html`<div class="bar" part="actions" role="group" aria-label=${t.t('subjectExport.actions')}>
        <button type="button" class="fk-button" @click=${() => window.print()}>${t.t('subjectExport.print')}</button>
        <button
          type="button"
          class="fk-button"
          @click=${() =>
            this.download({
              name: this.fileName('json'),
              type: 'application/json',
              text: JSON.stringify(this.export, null, 2),
            })}
        >
          ${t.t('subjectExport.json')}
        </button>
        ${
          bundle === undefined
            ? nothing
            : html`<button
                type="button"
                class="fk-button"
                @click=${() =>
                  this.download({
                    name: this.fileName('fhir.json'),
                    type: 'application/fhir+json',
                    text: JSON.stringify(bundle, null, 2),
                  })}
              >
                ${t.t('subjectExport.fhir')}
              </button>`
        }
      </div>
      <article class="doc" part="document" aria-labelledby="doc-title" lang=${document.language}>
        <h2 id="doc-title">${document.title}</h2>
        <p class="meta">${document.subtitle}</p>
        ${document.sections.map((s) => this.renderSection(s))}
      </article>`;
  }
}
