import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextConsumer, ContextProvider } from '@lit/context';
import type { Actor, Language } from '@fallkit/core';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { closestLanguage, normalizeLanguage } from '../i18n/language.js';
import type { DraftStore } from '../controllers/draft-store.js';
import { caseContext, type CaseContextValue } from './case-context.js';
import type { CaseServicePort } from './case-service-port.js';

/**
 * Connects the Fallkit elements inside it to a case: hands down the case service, the current actor,
 * the purpose, the language, text overrides and the case id through `@lit/context`.
 *
 * Providers nest: an inner provider inherits every field it does not set from the outer one, so a page
 * can set service and actor once and a panel only its `case-id`.
 *
 * @tagname fk-case-provider
 * @summary Hands the case service, actor, purpose and language to nested Fallkit elements.
 * @slot - The connected elements.
 */
export class FkCaseProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The core's case service. Set as a property. */
  @property({ attribute: false }) service?: CaseServicePort;

  /** The current actor. Set as a property. */
  @property({ attribute: false }) actor?: Actor;

  /** Purpose of processing for reads and commands. */
  @property() purpose?: string;

  /**
   * UI language (`de` or `en`). Reflects to the element's `lang` attribute, so every element inside
   * (also in shadow roots) resolves it as its closest language.
   */
  @property({ attribute: 'lang', reflect: true }) language?: string;

  /** The case the nested elements work on. */
  @property({ attribute: 'case-id' }) caseId?: string;

  /** Text overrides per language for everything inside. */
  @property({ attribute: false }) messages?: MessageOverrides;

  /** Where drafts are kept; defaults to the page's memory. */
  @property({ attribute: false }) drafts?: DraftStore;

  private inherited: CaseContextValue | undefined;

  private readonly provider = new ContextProvider(this, { context: caseContext, initialValue: undefined });

  // The provider consumes its own context key to inherit from an outer provider; @lit/context skips
  // the element's own provider for its own requests.
  private readonly parentConsumer = new ContextConsumer(this, {
    context: caseContext,
    subscribe: true,
    callback: (value) => {
      this.inherited = value;
      this.publish();
    },
  });

  /** The value currently handed down (merged with the outer provider's). */
  get contextValue(): CaseContextValue | undefined {
    return this.provider.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.publish();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.size > 0) this.publish();
  }

  private publish(): void {
    const outer = this.inherited ?? this.parentConsumer.value;
    const language =
      normalizeLanguage(this.language) ?? outer?.language ?? (this.isConnected ? closestLanguage(this) : undefined);
    const value: CaseContextValue = {
      service: this.service ?? outer?.service,
      actor: this.actor ?? outer?.actor,
      purpose: this.purpose ?? outer?.purpose,
      language,
      messages: mergeOverrides(outer?.messages, this.messages),
      caseId: this.caseId ?? outer?.caseId,
      drafts: this.drafts ?? outer?.drafts,
    };
    const previous = this.provider.value;
    if (previous && shallowEqual(previous, value)) return;
    this.provider.setValue(value);
  }

  override render() {
    return html`<slot></slot>`;
  }
}

function mergeOverrides(outer?: MessageOverrides, inner?: MessageOverrides): MessageOverrides | undefined {
  if (!outer) return inner;
  if (!inner) return outer;
  const merged: { [L in Language]?: { readonly [key: string]: string } } = {};
  for (const lang of ['de', 'en'] as const) {
    if (outer[lang] || inner[lang]) merged[lang] = { ...outer[lang], ...inner[lang] };
  }
  return merged;
}

function shallowEqual(a: CaseContextValue, b: CaseContextValue): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof CaseContextValue>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}
