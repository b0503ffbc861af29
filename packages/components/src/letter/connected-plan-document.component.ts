import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import {
  createStandardRegistry,
  isRedactionMarker,
  type CaseCommand,
  type CaseState,
  type ProcessStandard,
  type RedactionMarker,
} from '@fallkit/core';
import { CaseConnectionController } from '../controllers/case-connection-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { ConnectedCaseView } from '../context/core-port.js';
import { defineMessages, type MessageOverrides } from '../i18n/message-catalog.js';

const messages = defineMessages({
  de: {
    'planConnected.loading': 'Plan wird geladen …',
    'planConnected.notFound': 'Diesen Fall gibt es nicht.',
    'planConnected.denied': 'Der Plan dieses Falls kann nicht angezeigt werden.',
    'planConnected.unknownStandard': 'Der Prozessstandard dieses Falls ({id}, {version}) ist hier nicht bekannt.',
    'planConnected.withheld': 'Der Plan ist für Sie ausgeblendet: {reason}',
  },
  en: {
    'planConnected.loading': 'Loading the plan …',
    'planConnected.notFound': 'This case does not exist.',
    'planConnected.denied': "This case's plan cannot be shown.",
    'planConnected.unknownStandard': "This case's process standard ({id}, {version}) is not known here.",
    'planConnected.withheld': 'The plan is withheld from you: {reason}',
  },
});

/** The first redaction marker anywhere in a value, if any. */
function firstMarker(value: unknown): RedactionMarker | undefined {
  if (isRedactionMarker(value)) return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstMarker(item);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) {
      const found = firstMarker(item);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The connected mode of `<fk-plan-document>` (issue 20): inside `<fk-case-provider>` it reads the case
 * through the port's decided view (logged, DP-23/DP-24: what the actor may not see is a marker there,
 * and the document prints it as missing) and finds the case's own process standard (PR-00: the one the
 * case was opened under, by id and version, among the shipped profiles and the host's `standards`),
 * then renders `<fk-plan-document>` with both. It decides nothing and writes nothing.
 *
 * A plan is printed whole or not at all: where the view withholds any part of the plan or of the goals
 * and measures it names, the element says the plan is withheld, with the core's reason, and prints
 * nothing (a document with silent gaps would look complete to its reader).
 *
 * A wrapper rather than a change inside `plan-document/` so the stand-alone element stays as its owner
 * keeps it; the wrapper only supplies what a host would otherwise pass by hand.
 *
 * @tagname fk-connected-plan-document
 * @summary The plan document of the provider's case, from its decided view and its own process standard.
 */
export class FkConnectedPlanDocument extends LitElement {
  /** Process standards of the host beside the shipped ones (the default and the legal profiles). */
  @property({ attribute: false }) standards: readonly ProcessStandard[] = [];

  /** The plan version to print; the newest if absent. */
  @property({ attribute: 'plan-id' }) planId?: string;

  /** The shared-screen mode of `<fk-plan-document>`. */
  @property({ type: Boolean, reflect: true }) together = false;

  /** The case to show; the provider's case id if absent. */
  @property({ attribute: 'case-id' }) caseId?: string;

  /** Text overrides per language. */
  @property({ attribute: false }) messages?: MessageOverrides;

  private readonly i18n = new LocalizeController(this, { catalog: messages, overrides: () => this.messages });
  private readonly connection = new CaseConnectionController<ConnectedCaseView, CaseCommand>(this, {
    caseId: () => this.caseId,
  });

  /** The case's own standard, if known here. */
  get standard(): ProcessStandard | undefined {
    const ref = this.reference;
    return ref === undefined ? undefined : createStandardRegistry(this.standards).get(ref);
  }

  /** The marker standing for what the actor may not see of the plan, if any. */
  get withheld(): RedactionMarker | undefined {
    const view = this.connection.view;
    if (view === undefined) return undefined;
    const plans = view.plans as readonly unknown[];
    const plan =
      this.planId === undefined
        ? plans.at(-1)
        : plans.find((p) => isRedactionMarker(p) || (p as { id?: unknown }).id === this.planId);
    if (plan === undefined) return undefined;
    const planMarker = firstMarker(plan);
    if (planMarker) return planMarker;
    const { goalIds = [], measureIds = [] } = plan as { goalIds?: readonly string[]; measureIds?: readonly string[] };
    const named = (items: readonly unknown[], ids: readonly string[]) =>
      items.filter((i) => isRedactionMarker(i) || ids.includes((i as { id: string }).id));
    return firstMarker([
      ...named(view.goals as readonly unknown[], goalIds),
      ...named(view.measures as readonly unknown[], measureIds),
    ]);
  }

  /** The case's standard as its (metadata) header names it. */
  private get reference(): { readonly id: string; readonly version: string } | undefined {
    const ref: unknown = this.connection.view?.processStandard;
    if (ref === null || ref === undefined || isRedactionMarker(ref)) return undefined;
    return ref as { readonly id: string; readonly version: string };
  }

  override render() {
    const t = this.i18n;
    const status = this.connection.status;
    if (status === 'loading') return html`<p role="status">${t.t('planConnected.loading')}</p>`;
    if (status === 'not-found') return html`<p role="status">${t.t('planConnected.notFound')}</p>`;
    if (status === 'denied') {
      return html`<div role="alert">
        <p>${t.t('planConnected.denied')}</p>
        <ul>
          ${this.connection.refusals.map((r) => html`<li>${t.text(r.message)}</li>`)}
        </ul>
      </div>`;
    }
    const view = this.connection.view;
    if (view === undefined) return nothing;
    const standard = this.standard;
    if (standard === undefined) {
      const ref = this.reference ?? { id: '?', version: '?' };
      return html`<p>${t.t('planConnected.unknownStandard', { id: ref.id, version: ref.version })}</p>`;
    }
    const withheld = this.withheld;
    if (withheld)
      return html`<p class="withheld">${t.t('planConnected.withheld', { reason: t.text(withheld.message) })}</p>`;
    // The decided view has the case state's shape, with markers where the actor may not see an item.
    return html`<fk-plan-document
      .state=${view as unknown as CaseState}
      .standard=${standard}
      plan-id=${this.planId ?? nothing}
      ?together=${this.together}
    ></fk-plan-document>`;
  }
}
