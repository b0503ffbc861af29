import type { ReactiveControllerHost } from 'lit';
import { sha256Hex } from '@fallkit/core';
import { INFORMATION_SECTIONS, informationText, type InformationPart } from './consent-information.js';

type WalkthroughHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** What the walk-through reads from and does to its form. */
export interface WalkthroughForm {
  /** The information sections for the draft as it stands. */
  parts(): InformationPart[];
  /** The hash the draft carries now (`informationTextHash`). */
  hash(): string | undefined;
  /** Puts the computed hash into the draft and says so (`undefined`: takes it out). */
  setHash(hash: string | undefined): void;
}

/**
 * The information walk-through of `<fk-consent-manager>` (DP-09): which section is displayed, the text
 * each section had when it was shown to the person (a section counts as shown while its text is
 * unchanged, so an edit that changes one section asks to show only that one again), and the SHA-256 of
 * the whole text once every section was shown.
 */
export class InformationWalkthrough {
  private shownTexts = new Map<string, string>();
  private displayed = 0;
  /** The whole information text the stored hash was computed for. */
  private hashedFor?: string;

  constructor(
    private readonly host: WalkthroughHost,
    private readonly form: WalkthroughForm,
  ) {}

  /** The index of the displayed section. */
  get current(): number {
    return this.displayed;
  }

  /** The indexes of the sections shown with their current text. */
  shown(parts: readonly InformationPart[] = this.form.parts()): Set<number> {
    const out = new Set<number>();
    parts.forEach((part, i) => {
      if (this.shownTexts.get(part.id) === `${part.heading}\n${part.text}`) out.add(i);
    });
    return out;
  }

  /** Whether every section was shown for the current text. */
  get complete(): boolean {
    return this.shown().size === INFORMATION_SECTIONS.length;
  }

  /** Displays a section without counting it (the step buttons) and focuses it. */
  async display(index: number): Promise<void> {
    this.displayed = index;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('.info-panel')?.focus();
  }

  /** Counts the displayed section as shown to the person and moves to the next one still to show. */
  async advance(): Promise<void> {
    const part = this.form.parts()[this.displayed]!;
    this.shownTexts = new Map([...this.shownTexts, [part.id, `${part.heading}\n${part.text}`]]);
    this.host.requestUpdate();
    const shown = this.shown();
    const next = INFORMATION_SECTIONS.findIndex((_, i) => !shown.has(i) && i > this.displayed);
    const firstOpen = INFORMATION_SECTIONS.findIndex((_, i) => !shown.has(i));
    await this.display(next >= 0 ? next : firstOpen >= 0 ? firstOpen : this.displayed);
  }

  /**
   * Keeps the draft's hash in step with what was shown: once every section was shown with its current
   * text, the whole text's SHA-256 goes into the draft; when the text changes, it goes out.
   */
  async syncHash(): Promise<void> {
    const parts = this.form.parts();
    const text = informationText(parts);
    const hash = this.form.hash();
    // A hash the host set (a restored or prefilled value) is the host's; one this form computed follows the text.
    if (hash && this.hashedFor !== undefined && (this.hashedFor !== text || !this.complete)) {
      this.hashedFor = undefined;
      this.form.setHash(undefined);
      return;
    }
    // Already hashing this very text (called before and after the same render): one digest is enough.
    if (hash || !this.complete || this.#hashing === text) return;
    this.hashedFor = text;
    this.#hashing = text;
    let computed: string;
    try {
      computed = await sha256Hex(text);
    } finally {
      this.#hashing = undefined;
    }
    // The selection may have changed while hashing.
    if (this.hashedFor !== text || informationText(this.form.parts()) !== text) return;
    this.form.setHash(computed);
  }

  /** The text whose digest is being computed now, if any. */
  #hashing: string | undefined;

  /** Starts again: nothing shown, the first section displayed. */
  reset(): void {
    this.shownTexts = new Map();
    this.hashedFor = undefined;
    this.displayed = 0;
    this.host.requestUpdate();
  }
}
