import type { Language } from '@fallkit/core';
import type { MessageDictionary } from './message-catalog.js';

// Page-wide host overrides. Module state on purpose: a host sets its wording once for every element.
const overrides: Record<Language, Record<string, string>> = { de: {}, en: {} };
const listeners = new Set<() => void>();

/**
 * Overrides texts for every Fallkit element on the page, for one language. Merges with earlier calls;
 * elements re-render at once.
 *
 * @example setMessages('de', { 'status.saved': 'Im Fall gespeichert' })
 */
export function setMessages(lang: Language, messages: MessageDictionary): void {
  Object.assign(overrides[lang], messages);
  notify();
}

/** Removes page-wide overrides of one language, or of all languages. */
export function clearMessages(lang?: Language): void {
  for (const l of lang ? [lang] : (Object.keys(overrides) as Language[])) overrides[l] = {};
  notify();
}

/** The page-wide overrides of one language (read by the localize controller). */
export function pageMessages(lang: Language): MessageDictionary {
  return overrides[lang];
}

/** Calls `listener` after every change of page-wide overrides; returns the unsubscribe function. */
export function onPageMessagesChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of [...listeners]) listener();
}
