import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { Language, LocalizedText } from '@fallkit/core';
import { caseContext, type CaseContextValue } from '../context/case-context.js';
import type { FoundationMessageKey } from '../i18n/messages/de.js';
import {
  foundationMessages,
  interpolate,
  type MessageCatalog,
  type MessageDictionary,
  type MessageOverrides,
} from '../i18n/message-catalog.js';
import { onPageMessagesChanged, pageMessages } from '../i18n/message-overrides.js';
import { DEFAULT_LANGUAGE, closestLanguage } from '../i18n/language.js';
import { formatDate, formatDateTime, formatList, formatNumber } from '../i18n/format.js';

/** Parameters for `{name}` placeholders. */
export type MessageParams = { readonly [name: string]: string | number };

/**
 * A text to show, not yet in a language: a message key with parameters, or a {@link LocalizedText}
 * as the core's refusals carry it.
 */
export type MessageRef = { readonly key: string; readonly params?: MessageParams } | LocalizedText;

/** Options of {@link LocalizeController}. */
export interface LocalizeOptions<M extends MessageDictionary> {
  /** The component's own catalog; looked up before the foundation's. */
  catalog?: MessageCatalog<M>;
  /** The element's own overrides (usually its `messages` property); they win over everything. */
  overrides?: () => MessageOverrides | undefined;
}

type Host = ReactiveControllerHost & HTMLElement;

// One document observer for all controllers: `lang` changes in light DOM (e.g. <html lang>).
const liveControllers = new Set<LocalizeController<MessageDictionary>>();
let documentObserver: MutationObserver | undefined;
let unsubscribePage: (() => void) | undefined;

function startShared(): void {
  if (documentObserver) return;
  documentObserver = new MutationObserver(() => {
    for (const c of liveControllers) c.refresh();
  });
  documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  unsubscribePage = onPageMessagesChanged(() => {
    for (const c of liveControllers) c.host.requestUpdate();
  });
}

function stopShared(): void {
  if (liveControllers.size > 0) return;
  documentObserver?.disconnect();
  documentObserver = undefined;
  unsubscribePage?.();
  unsubscribePage = undefined;
}

/** Number of live localize controllers on the page (for leak tests). */
export function liveLocalizeControllers(): number {
  return liveControllers.size;
}

/**
 * Gives an element its language and texts. The language is the nearest `lang` attribute from the
 * element outwards (crossing shadow roots; `<fk-case-provider lang>` reflects its language there),
 * else the provider's language, else German. Texts resolve, first hit wins: the element's `messages`
 * property, the provider's `messages`, page-wide `setMessages()`, the component catalog, the
 * foundation catalog, then the same in German, then the key itself.
 *
 * @example
 * private readonly i18n = new LocalizeController(this, { catalog: goalMessages, overrides: () => this.messages });
 * render() { return html`<h2>${this.i18n.t('goal.title')}</h2>`; }
 */
export class LocalizeController<M extends MessageDictionary = MessageDictionary> implements ReactiveController {
  private language: Language = DEFAULT_LANGUAGE;
  private provided: CaseContextValue | undefined;
  private hostObserver: MutationObserver | undefined;

  constructor(
    readonly host: Host,
    private readonly options: LocalizeOptions<M> = {},
  ) {
    host.addController(this);
    new ContextConsumer(host, {
      context: caseContext,
      subscribe: true,
      callback: (value) => {
        this.provided = value;
        this.refresh();
        host.requestUpdate();
      },
    });
  }

  hostConnected(): void {
    liveControllers.add(this as unknown as LocalizeController<MessageDictionary>);
    startShared();
    // Hosts inside shadow roots are not seen by the document observer; watch the host itself too.
    this.hostObserver = new MutationObserver(() => this.refresh());
    this.hostObserver.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
    this.language = this.resolveLanguage();
  }

  hostDisconnected(): void {
    liveControllers.delete(this as unknown as LocalizeController<MessageDictionary>);
    this.hostObserver?.disconnect();
    this.hostObserver = undefined;
    stopShared();
  }

  hostUpdate(): void {
    // Cheap, and catches ancestors' lang changes inside shadow roots the observers cannot see.
    this.language = this.resolveLanguage();
  }

  /** Re-resolves the language and re-renders the host if it changed. */
  refresh(): void {
    const next = this.resolveLanguage();
    if (next !== this.language) {
      this.language = next;
      this.host.requestUpdate();
    }
  }

  private resolveLanguage(): Language {
    return (
      (this.host.isConnected ? closestLanguage(this.host) : undefined) ?? this.provided?.language ?? DEFAULT_LANGUAGE
    );
  }

  /** The language the element speaks now. */
  get lang(): Language {
    return this.language;
  }

  /** The case context's overrides and values as this controller sees them. */
  get context(): CaseContextValue | undefined {
    return this.provided;
  }

  /** The text for `key` in the current language, placeholders filled. */
  t(key: (keyof M & string) | FoundationMessageKey, params?: MessageParams): string {
    return interpolate(this.lookup(key, this.language) ?? this.lookup(key, DEFAULT_LANGUAGE) ?? key, params);
  }

  /** Whether any source has a text for `key` (to choose between specific and generic messages). */
  has(key: string): boolean {
    return this.lookup(key, this.language) !== undefined;
  }

  private lookup(key: string, lang: Language): string | undefined {
    return (
      this.options.overrides?.()?.[lang]?.[key] ??
      this.provided?.messages?.[lang]?.[key] ??
      pageMessages(lang)[key] ??
      (this.options.catalog?.[lang] as MessageDictionary | undefined)?.[key] ??
      (foundationMessages[lang] as MessageDictionary)[key]
    );
  }

  /** A core text (refusal, notice, redaction) in the current language. */
  text(value: LocalizedText): string {
    return value[this.language] || value.de;
  }

  /** Resolves a {@link MessageRef}. */
  resolve(ref: MessageRef): string {
    return 'key' in ref ? this.t(ref.key as FoundationMessageKey, ref.params) : this.text(ref);
  }

  /** A calendar date (ISO `YYYY-MM-DD` or `Date`). */
  date(value: string | Date, options?: Intl.DateTimeFormatOptions): string {
    return formatDate(value, this.language, options);
  }

  /** An instant with date and time. */
  dateTime(value: string | Date, options?: Intl.DateTimeFormatOptions): string {
    return formatDateTime(value, this.language, options);
  }

  /** A number. */
  number(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(value, this.language, options);
  }

  /** A list as a sentence. */
  list(items: readonly string[], type?: Intl.ListFormatType): string {
    return formatList(items, this.language, type);
  }
}
