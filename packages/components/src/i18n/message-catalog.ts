import type { Language } from '@fallkit/core';
import { de, type FoundationMessages } from './messages/de.js';
import { en } from './messages/en.js';

/** A flat dictionary of texts of one language: dotted keys to strings with `{name}` placeholders. */
export type MessageDictionary = { readonly [key: string]: string };

/**
 * The texts of one component (or of the foundation) in every built-in language. German defines the
 * keys; English must have exactly those keys, so a missing translation is a type error.
 */
export interface MessageCatalog<M extends MessageDictionary> {
  readonly de: M;
  readonly en: { readonly [K in keyof M]: string };
}

/** Host overrides: any subset of any keys, per language. */
export type MessageOverrides = { readonly [L in Language]?: { readonly [key: string]: string } };

/**
 * Declares a component's message catalog. An identity function that exists for its types: pass the
 * German dictionary `as const`-free and the English one is checked against its keys.
 *
 * @example
 * const messages = defineMessages({ de: { 'goal.title': 'Ziel' }, en: { 'goal.title': 'Goal' } });
 */
export function defineMessages<M extends MessageDictionary>(catalog: MessageCatalog<M>): MessageCatalog<M> {
  return catalog;
}

/** The foundation's own texts (validation, redaction, status, reorder …). */
export const foundationMessages: MessageCatalog<FoundationMessages> = { de, en };

/** Replaces `{name}` placeholders; unknown placeholders stay visible so a missing parameter is noticed. */
export function interpolate(template: string, params?: { readonly [name: string]: string | number }): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
