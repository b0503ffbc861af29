import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  CATEGORY_LABELS,
  ORDINARY_DATA_CATEGORIES,
  SPECIAL_DATA_CATEGORIES,
  ADULT_AGE,
  CONSENT_CAPACITY_AGE,
  DEFAULT_CONSENT_MONTHS,
  addMonths,
  ageOn,
  isRedactionMarker,
  purposeLabel,
  sha256Hex,
  validateConsent,
  type CaseState,
  type ConsentPerson as CoreConsentPerson,
  type DataCategory,
  type Refusal,
} from '@fallkit/core';
import { issuableOf, offers, type Issuable } from '../shared/may-issue.js';
import { DirectoryController } from '../directory/directory.js';
import { PrintSettingsController } from '../print/print-settings.js';
import { mountPrintRoot } from '../print/print-root.js';
import { printStyles } from '../print/print-parts.js';
import { renderConsentDocument } from './consent-print.view.js';
import { FkFormElement } from '../base/form-element.js';
import type { Validator } from '../base/validator.js';
import type { Feedback } from '../base/feedback.js';
import type { MessageRef, LocalizeController } from '../controllers/localize-controller.js';
import { consentManagerStyles } from './consent-manager.styles.js';
import { todayIso } from '../base/parts-schema.js';
import { consentManagerMessages } from './consent-manager.messages.js';
import {
  INFORMATION_SECTIONS,
  informationParts,
  informationText,
  type InformationPart,
} from './consent-information.js';
import { consentStatus, type ConsentStatus } from '../shared/consent-status.js';
import {
  consentsOfView,
  type ConsentGiverLike,
  type ConsentRecordLike,
  type ConsentStateLike,
  type RecipientRefLike,
  type ReleaseRecordLike,
} from '../shared/privacy-shapes.js';
import { FkWithdrawEvent } from '../events/fk-withdraw.js';
import { FkPrintEvent } from '../events/fk-print.js';

/** A person who may be the subject or the giver of a consent. */
export interface ConsentPerson {
  readonly id: string;
  readonly name: string;
  readonly birthDate?: string;
  /** Representations this person holds (parental responsibility, legal guardian …): the core checks them (DP-12, DP-13). */
  readonly representations?: CoreConsentPerson['representations'];
}

/**
 * The value of `<fk-consent-manager>`: the consent (or confidentiality release) being recorded, in
 * the shape of the core's `recordConsent` / `recordConfidentialityRelease` input plus its `kind`.
 * Every list starts empty: nothing is preselected (DP-10).
 */
export interface ConsentDraftValue {
  kind: 'consent' | 'release';
  subjectId?: string;
  categories: DataCategory[];
  recipients: RecipientRefLike[];
  purposes: string[];
  validFrom?: string;
  validUntil?: string;
  includesProfessionalSecret?: boolean;
  professionals?: { name: string; profession?: string }[];
  form: {
    kind?: 'written' | 'electronic' | 'oralMinuted';
    scanReference?: string;
    language?: string;
    interpreter?: { used: boolean; language?: string };
    exceptionReason?: string;
  };
  /** SHA-256 of the information text shown to the person; set once every section was shown (DP-09). */
  informationTextHash?: string;
  givenBy: { personId?: string; role?: ConsentGiverLike['role'] };
  childView?: string;
  capacityToConsent?: 'assessed' | 'notAssessed';
}

/** Detail of `fk-withdraw`: the input of the core's `withdrawConsent`. */
export interface ConsentWithdrawDetail {
  readonly consentId: string;
  readonly categories?: DataCategory[];
  readonly recipientAgencyIds?: string[];
  readonly note?: string;
}

const ROLES: readonly ConsentGiverLike['role'][] = [
  'self',
  'parentalResponsibility',
  'guardianOfMinor',
  'legalGuardian',
];

function error(
  path: (string | number)[],
  key: string,
  params?: Record<string, string | number>,
  rule?: string,
): Feedback {
  const message: MessageRef = params ? { key, params } : { key };
  return { type: 'error', code: 'CONSENT_INCOMPLETE', message, path, ...(rule ? { rule } : {}) };
}

/**
 * Records, shows and withdraws consents and confidentiality releases (PRIVACY.md DP-07..DP-15).
 *
 * - Every consent is specific (DP-07): data categories one by one, recipient agencies, purposes, a
 *   time limit of at most 12 months (configurable, never open-ended, DP-11), the form and who gives
 *   it in which role: the person, persons with parental responsibility (the child's view recorded
 *   under 15), a young person from 15 with an assessed capacity, or a legal guardian within scope
 *   (DP-12, DP-13).
 * - Informed first (DP-09): a plain-language information for the person, built from exactly what is
 *   selected, in six sections (purpose, recipients, data, duration, effect of refusing, withdrawal).
 *   Confirming stays disabled until every section was shown; the record stores the text's SHA-256.
 *   Changing the selection afterwards asks to show the changed text again.
 * - Voluntary and partial (DP-10): nothing is ticked at the start.
 * - Withdrawal as easy as consenting (DP-14): one button on each consent, wholly or in part.
 * - Expiring consents are flagged 30 days ahead (DP-11); a printable consent form (print CSS).
 *
 * Standalone: `value` is the draft; `fk-submit` carries it; `fk-withdraw` carries a withdrawal. The
 * host sets `persons`, `recipientOptions` and `consents`. Connected: persons, agencies and purposes
 * come from the case; consents from a view that carries them (`privacy` or `consents`), else from the
 * `consents` property; saves with `recordConsent`, `recordConfidentialityRelease`, `withdrawConsent`.
 *
 * @tagname fk-consent-manager
 * @summary Consents and confidentiality releases: record (informed, specific, partial), show, flag expiry, withdraw, print.
 *
 * @event change - The user changed the draft. `detail: { value, valid }`.
 * @event fk-submit - A valid, informed consent to record. `detail`: the draft (with `informationTextHash`). Cancelable.
 * @event fk-withdraw - The user withdraws a consent. `detail: { consentId, categories?, recipientAgencyIds?, note? }`. Cancelable (connected: stops the command).
 * @event fk-print - Before the consent form is printed. Cancelable.
 * @event fk-saved - Connected save succeeded.
 * @event fk-refused - Connected save refused; `detail: { errors, value }`; the draft stays.
 *
 * @csspart view-only - The sentence shown instead of a form when the core says the actor may not record here (DP-40).
 * @csspart form - The outer container.
 * @csspart list - The recorded consents.
 * @csspart consent - One recorded consent.
 * @csspart consent-status - A consent's status badge (valid, expiring, expired, withdrawn).
 * @csspart explanation - The plain-language explanation of a recorded consent.
 * @csspart withdraw - A consent's withdraw button.
 * @csspart withdrawal - The withdrawal panel.
 * @csspart draft - The new-consent section.
 * @csspart information - The information for the person (DP-09).
 * @csspart information-step - One section button of the information.
 * @csspart submit - The confirm button.
 * @csspart print - The print button.
 * @csspart print-sheet - The printable consent form (shown only in print).
 * @csspart status - The live region.
 * @csspart refusals - Refusals of the last save.
 *
 * @cssproperty --fk-color-warning - Expiring consents.
 * @cssproperty --fk-color-success - Shown information sections.
 *
 * @cssstate user-invalid - Invalid after interaction.
 * @cssstate dirty - Unsaved changes.
 */
export class FkConsentManager extends FkFormElement<ConsentDraftValue, ConsentDraftValue, CaseState, unknown> {
  static override catalog = consentManagerMessages;

  static override styles = consentManagerStyles;

  constructor() {
    super();
    this.addEventListener('fk-saved', (e) => {
      if (e.target === this) this.startOver();
    });
  }

  declare protected readonly i18n: LocalizeController<typeof consentManagerMessages.de>;

  /** Persons of the case who may be subject or giver (connected: from the case). */
  @property({ attribute: false }) persons: readonly ConsentPerson[] = [];

  /** Recorded consents with their withdrawals (connected: from the view, if it carries them). */
  @property({ attribute: false }) consents: readonly ConsentStateLike[] = [];

  /** Recorded confidentiality releases (Schweigepflichtentbindungen, DP-15): they name professionals, no purposes. */
  @property({ attribute: false }) releases: readonly ReleaseRecordLike[] = [];

  /** The agencies offered as recipients (connected: lead agencies and providers of the case are added). */
  @property({ attribute: false }) recipientOptions: readonly RecipientRefLike[] = [];

  /**
   * The purposes offered (purpose strings of the privacy module). `measureDelivery` is the core's purpose
   * family for referrals to the named providers, also for measures planned later (DP-05, DP-07).
   */
  @property({ attribute: false }) purposeOptions: readonly string[] = ['caseManagement', 'measureDelivery'];

  /** Today as ISO date (expiry flags, minors' age); defaults to the browser's date. */
  @property() today?: string;

  /** Longest validity in months (DP-11; the process standard's `consent.defaultDurationMonths`). */
  @property({ type: Number, attribute: 'max-months' }) maxMonths = DEFAULT_CONSENT_MONTHS;

  /**
   * The text each information section had when it was shown to the person (DP-09). A section counts as
   * shown while its text is unchanged: an edit that changes one section asks to show only that one again.
   */
  @state() private shownTexts = new Map<string, string>();
  @state() private current = 0;
  @state() private withdrawing?: string;
  @state() private withdrawScope: 'whole' | 'partial' = 'whole';
  @state() private withdrawCategories: DataCategory[] = [];
  @state() private withdrawRecipients: string[] = [];
  @state() private withdrawNote = '';
  @state() private withdrawError?: string;
  @state() private otherRecipient = '';
  @state() private professionalsText = '';
  /** What the core says this actor may issue (DP-40); `undefined` when the view does not say. */
  @state() private issuable: Issuable;

  /** The host's directory (`<fk-directory>`): its agencies and providers are offered as recipients by name. */
  private readonly directory = new DirectoryController(this);

  /** The case's Aktenzeichen (its label) for the print, from the view. */
  private caseLabel: string | undefined;

  /** The host's letterhead and controller/DPO details for the printed document (`<fk-print-settings>`). */
  private readonly printSettings = new PrintSettingsController(this);

  /** The whole information text the stored hash was computed for. */
  private hashedFor?: string;
  private addresseeId?: string;
  private viewRecipients: RecipientRefLike[] = [];
  private viewPurposes: string[] = [];
  private purposeTitles: Record<string, string> = {};

  private get day(): string {
    return this.today ?? todayIso();
  }

  protected override emptyValue(): ConsentDraftValue {
    const from = this.today ?? todayIso();
    return {
      kind: 'consent',
      ...(this.addresseeId ? { subjectId: this.addresseeId } : {}),
      categories: [],
      recipients: [],
      purposes: [],
      validFrom: from,
      validUntil: addMonths(from, this.maxMonths ?? DEFAULT_CONSENT_MONTHS),
      form: {},
      givenBy: {},
    };
  }

  // ---- validation ------------------------------------------------------------------------------

  private subject(value: ConsentDraftValue = this.value): ConsentPerson | undefined {
    const id = value.subjectId ?? this.addresseeId ?? this.persons[0]?.id;
    return this.persons.find((p) => p.id === id);
  }

  private ageOfSubject(value: ConsentDraftValue = this.value): number | undefined {
    const birth = this.subject(value)?.birthDate;
    return birth ? ageOn(birth, value.validFrom ?? this.day) : undefined;
  }

  protected override validators(): readonly Validator<ConsentDraftValue>[] {
    return [
      {
        id: 'consent',
        validate: (v): Feedback[] => {
          const out: Feedback[] = [];
          if (!v.categories?.length) out.push(error(['categories'], 'consent.needCategory', undefined, 'DP-07'));
          if (!v.recipients?.length) out.push(error(['recipients'], 'consent.needRecipient', undefined, 'DP-07'));
          if (!v.purposes?.length) out.push(error(['purposes'], 'consent.needPurpose', undefined, 'DP-07'));
          if (v.kind === 'release' && !v.professionals?.length)
            out.push(error(['professionals'], 'consent.needProfessional', undefined, 'DP-15'));
          // DP-07, DP-08, DP-11, DP-12, DP-13 are the core's (`validateConsent`), not re-implemented here:
          // the form only words the core's refusals in its own messages where it has one.
          if (!v.validUntil) out.push({ ...error(['validUntil'], 'validation.required'), flag: 'valueMissing' });
          const from = v.validFrom ?? this.day;
          const maxUntil = addMonths(from, this.maxMonths);
          const refusals = validateConsent(
            { persons: this.persons },
            { ...v, ...(v.subjectId === undefined ? { subjectId: this.subject(v)?.id } : {}) },
            { today: from, maxUntil, all: true },
          );
          for (const refusal of refusals) out.push(this.consentFeedback(refusal, maxUntil));
          return out;
        },
      },
    ];
  }

  /** A refusal of the core's consent check as feedback at the form's own path, in the form's own words. */
  private consentFeedback(refusal: Refusal, maxUntil: string): Feedback {
    const path = (refusal.path ?? []).filter((segment, i) => !(i === 0 && segment === 'input'));
    const at = path.join('.');
    const own = (p: (string | number)[], key: string, params?: Record<string, string>): Feedback =>
      error(p, key, params, refusal.rule);
    switch (`${refusal.code}|${at}`) {
      case 'DENY_CONSENT_NOT_SPECIFIC|categories':
        return own(['categories'], 'consent.needCategory');
      case 'DENY_CONSENT_NOT_SPECIFIC|recipients':
        return own(['recipients'], 'consent.needRecipient');
      case 'DENY_CONSENT_NOT_SPECIFIC|purposes':
        return own(['purposes'], 'consent.needPurpose');
      case 'DENY_CONSENT_NOT_SPECIFIC|givenBy':
        return own(['givenBy', this.value.givenBy?.personId ? 'role' : 'personId'], 'consent.needGiver');
      case 'DENY_CONSENT_NOT_SPECIFIC|validUntil':
        return own(['validUntil'], 'consent.untilBeforeFrom');
      case 'DENY_CONSENT_OPEN_ENDED|validUntil':
        return own(['validUntil'], 'consent.untilTooLate', { date: this.i18n.date(maxUntil) });
      case 'DENY_CONSENT_UNDOCUMENTED|form':
        return own(['form', 'kind'], 'consent.needForm');
      case 'DENY_CONSENT_UNDOCUMENTED|form.scanReference':
      case 'DENY_CONSENT_UNDOCUMENTED|form.language':
      case 'DENY_CONSENT_UNDOCUMENTED|form.exceptionReason':
        return own(path, 'validation.required');
      case 'DENY_CONSENT_UNDOCUMENTED|informationTextHash':
        return own(['information'], 'consent.readFirst');
      case 'DENY_CONSENT_CAPACITY|givenBy':
        return own(['givenBy', 'role'], 'consent.tooYoung');
      case 'DENY_CONSENT_CAPACITY|capacityToConsent':
        return own(['capacityToConsent'], 'consent.capacityNeeded');
      case 'DENY_CONSENT_CAPACITY|childView':
        return own(['childView'], 'consent.childViewNeeded');
      default:
        // Wrong person, guardian scope …: the core's own sentence, at the core's path.
        return {
          type: 'error',
          code: refusal.code,
          message: refusal.message,
          path: path[0] === 'givenBy' && path.length === 1 ? ['givenBy', 'personId'] : path,
          ...(refusal.rule === undefined ? {} : { rule: refusal.rule }),
          flag: 'customError',
        };
    }
  }

  /** The data `fk-submit` carries: the draft without fields that do not apply. */
  protected override output(): ConsentDraftValue {
    const v = this.value;
    const age = this.ageOfSubject(v);
    const subjectId = v.subjectId ?? this.subject(v)?.id;
    const { childView, capacityToConsent, professionals, includesProfessionalSecret, ...rest } = v;
    return {
      ...rest,
      ...(subjectId ? { subjectId } : {}),
      ...(v.kind === 'release' ? { professionals } : includesProfessionalSecret ? { includesProfessionalSecret } : {}),
      ...(age !== undefined && age < CONSENT_CAPACITY_AGE && v.givenBy.role !== 'self' && childView?.trim()
        ? { childView }
        : {}),
      ...(age !== undefined && age < ADULT_AGE && v.givenBy.role === 'self' && capacityToConsent
        ? { capacityToConsent }
        : {}),
    };
  }

  // ---- information (DP-09) ------------------------------------------------------------------------

  private get parts(): InformationPart[] {
    const v = this.value;
    return informationParts(
      {
        kind: v.kind,
        categories: v.categories ?? [],
        recipients: v.recipients ?? [],
        purposes: v.purposes ?? [],
        ...(v.validFrom ? { validFrom: v.validFrom } : {}),
        ...(v.validUntil ? { validUntil: v.validUntil } : {}),
        ...(v.includesProfessionalSecret ? { includesProfessionalSecret: true } : {}),
        ...(v.kind === 'release' && v.professionals ? { professionals: v.professionals } : {}),
      },
      this.i18n as unknown as Parameters<typeof informationParts>[1],
    );
  }

  /** The indexes of the sections shown with their current text. */
  private get shown(): Set<number> {
    const out = new Set<number>();
    this.parts.forEach((part, i) => {
      if (this.shownTexts.get(part.id) === `${part.heading}\n${part.text}`) out.add(i);
    });
    return out;
  }

  /** Whether every information section was shown for the current text. */
  get informationShown(): boolean {
    return this.shown.size === INFORMATION_SECTIONS.length;
  }

  /** Displays a section without counting it (the step buttons). */
  private async display(index: number): Promise<void> {
    this.current = index;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.info-panel')?.focus();
  }

  /** Counts the displayed section as shown to the person and moves to the next one still to show. */
  private async advance(): Promise<void> {
    const part = this.parts[this.current]!;
    this.shownTexts = new Map([...this.shownTexts, [part.id, `${part.heading}\n${part.text}`]]);
    const shown = this.shown;
    const next = INFORMATION_SECTIONS.findIndex((_, i) => !shown.has(i) && i > this.current);
    const firstOpen = INFORMATION_SECTIONS.findIndex((_, i) => !shown.has(i));
    await this.display(next >= 0 ? next : firstOpen >= 0 ? firstOpen : this.current);
  }

  /**
   * Keeps the value's hash in step with what was shown (DP-09): once every section was shown with its
   * current text, the whole text's SHA-256 goes into the value; when the text changes, it goes out.
   */
  private async syncInformationHash(): Promise<void> {
    const text = informationText(this.parts);
    const hash = this.value.informationTextHash;
    // A hash the host set (a restored or prefilled value) is the host's; one this form computed follows the text.
    if (hash && this.hashedFor !== undefined && (this.hashedFor !== text || !this.informationShown)) {
      this.hashedFor = undefined;
      const { informationTextHash: _drop, ...rest } = this.value;
      this.setValue(rest as ConsentDraftValue);
      return;
    }
    if (hash || !this.informationShown) return;
    this.hashedFor = text;
    const computed = await sha256Hex(text);
    // The selection may have changed while hashing.
    if (this.hashedFor !== text || informationText(this.parts) !== text) return;
    this.setValue({ ...this.value, informationTextHash: computed }, 'information');
    this.announcer.announce(this.i18n.t('consent.info.shown'));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    void this.syncInformationHash();
  }

  // ---- connected mode ----------------------------------------------------------------------------

  protected override valueFromView(view: CaseState): ConsentDraftValue | undefined {
    this.issuable = issuableOf(view);
    this.addresseeId = view.addresseeId;
    this.caseLabel = typeof view.label === 'string' && view.label ? view.label : undefined;
    this.persons = (view.persons ?? [])
      .filter((p) => !isRedactionMarker(p))
      .map((p) => ({
        id: p.id,
        name: [p.givenName, p.familyName].filter((x) => typeof x === 'string').join(' ') || p.id,
        ...(typeof p.birthDate === 'string' && p.birthDate.length === 10 ? { birthDate: p.birthDate } : {}),
        ...(Array.isArray(p.representations) ? { representations: p.representations } : {}),
      }));
    const agencies = new Map<string, RecipientRefLike>();
    for (const a of view.leadAgencies ?? []) agencies.set(a.agencyId, { agencyId: a.agencyId, name: a.name });
    for (const r of view.providerReferrals ?? []) {
      if (!isRedactionMarker(r) && r.provider.agencyId)
        agencies.set(r.provider.agencyId, { agencyId: r.provider.agencyId, name: r.provider.name });
    }
    this.viewRecipients = [...agencies.values()];
    const measures = (view.measures ?? []).filter((m) => !isRedactionMarker(m));
    this.viewPurposes = measures.map((m) => `measureDelivery:${m.id}`);
    this.purposeTitles = Object.fromEntries(
      measures.map((m) => [`measureDelivery:${m.id}`, isRedactionMarker(m.title) ? m.id : m.title]),
    );
    const fromView = consentsOfView(view);
    if (fromView.consents) this.consents = fromView.consents;
    if (fromView.releases) this.releases = fromView.releases;
    if (!this.dirty && this.value.subjectId === undefined) return { ...this.value, subjectId: view.addresseeId };
    return undefined;
  }

  protected override commandsFor(data: ConsentDraftValue) {
    const { kind, ...input } = data;
    return {
      type: kind === 'release' ? 'recordConfidentialityRelease' : 'recordConsent',
      caseId: this.connection.caseId,
      input,
    };
  }

  /**
   * After a stored consent the next one starts empty (DP-10), and an empty form is not a wrong one:
   * no errors until the user works on it again.
   */
  private startOver(): void {
    this.formResetCallback();
    this.value = this.emptyValue();
    this.shownTexts = new Map();
    this.hashedFor = undefined;
    this.current = 0;
    this.professionalsText = '';
  }

  // ---- withdrawal (DP-14) ---------------------------------------------------------------------------

  private openWithdraw(consentId: string): void {
    this.withdrawing = consentId;
    this.withdrawScope = 'whole';
    this.withdrawCategories = [];
    this.withdrawRecipients = [];
    this.withdrawNote = '';
    this.withdrawError = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="withdrawal"] h4')?.focus());
  }

  private async submitWithdraw(): Promise<void> {
    const consentId = this.withdrawing;
    if (!consentId) return;
    const partial = this.withdrawScope === 'partial';
    if (partial && this.withdrawCategories.length === 0 && this.withdrawRecipients.length === 0) {
      this.withdrawError = this.i18n.t('consent.withdraw.pickSomething');
      return;
    }
    const detail: ConsentWithdrawDetail = {
      consentId,
      ...(partial && this.withdrawCategories.length ? { categories: [...this.withdrawCategories] } : {}),
      ...(partial && this.withdrawRecipients.length ? { recipientAgencyIds: [...this.withdrawRecipients] } : {}),
      ...(this.withdrawNote.trim() ? { note: this.withdrawNote.trim() } : {}),
    };
    const outcome = await this.runSideAction(new FkWithdrawEvent(detail), {
      type: 'withdrawConsent',
      caseId: this.connection.caseId,
      input: detail,
    });
    if (outcome === 'done' || outcome === 'standalone') {
      this.withdrawing = undefined;
      this.announcer.announce(this.i18n.t('consent.withdraw.done'));
    }
  }

  // ---- edits ----------------------------------------------------------------------------------------

  private get allRecipients(): RecipientRefLike[] {
    const map = new Map<string, RecipientRefLike>();
    const fromDirectory = this.directory.entries.map((e) => ({ agencyId: e.agencyId, name: e.name }));
    for (const r of [
      ...this.recipientOptions,
      ...fromDirectory,
      ...this.viewRecipients,
      ...(this.value.recipients ?? []),
    ])
      if (!map.has(r.agencyId)) map.set(r.agencyId, r);
    return [...map.values()];
  }

  private addOtherRecipient(): void {
    const name = this.otherRecipient.trim();
    if (!name) return;
    const agencyId = name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\w]+/g, '-')
      .replace(/^-|-$/g, '');
    this.setValue(
      {
        ...this.value,
        recipients: [...(this.value.recipients ?? []).filter((r) => r.agencyId !== agencyId), { agencyId, name }],
      },
      'recipients',
    );
    this.otherRecipient = '';
  }

  private setProfessionals(text: string): void {
    this.professionalsText = text;
    const professionals = text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [name, ...profession] = line.split(',');
        const p = profession.join(',').trim();
        return p ? { name: name!.trim(), profession: p } : { name: name!.trim() };
      });
    this.setField('professionals', professionals);
  }

  // ---- rendering ------------------------------------------------------------------------------------

  private statusBadge(status: ConsentStatus, record: Pick<ConsentRecordLike, 'validFrom' | 'validUntil'>) {
    const t = this.i18n;
    const date = (d: string) => t.date(d.slice(0, 10));
    const [cls, text] =
      status.kind === 'valid'
        ? ['badge--ok', t.t('consent.status.valid', { date: date(record.validUntil) })]
        : status.kind === 'expiring'
          ? [
              'badge--warn',
              status.daysLeft === 0
                ? t.t('consent.status.expiringToday')
                : t.t('consent.status.expiring', { days: status.daysLeft, date: date(record.validUntil) }),
            ]
          : status.kind === 'expired'
            ? ['badge--danger', t.t('consent.status.expired', { date: date(record.validUntil) })]
            : status.kind === 'withdrawn'
              ? ['badge--danger', t.t('consent.status.withdrawn', { date: date(status.withdrawnAt ?? '') })]
              : status.kind === 'partlyWithdrawn'
                ? ['badge--warn', t.t('consent.status.partlyWithdrawn', { date: date(status.withdrawnAt ?? '') })]
                : ['badge--info', t.t('consent.status.notYetValid', { date: date(record.validFrom) })];
    return html`<span class="badge ${cls}" part="consent-status">${text}</span>`;
  }

  private personName(id: string): string {
    return this.persons.find((p) => p.id === id)?.name ?? id;
  }

  private renderCard(
    consent: ConsentStateLike | { readonly record: ReleaseRecordLike; readonly withdrawals: readonly [] },
    release: boolean,
  ) {
    const t = this.i18n;
    const r = consent.record;
    // A release names professionals and no purposes (the core's release schema, DP-15).
    const purposes = r.purposes ?? [];
    const professionals = r.professionals ?? [];
    const status = consentStatus(consent, this.day);
    const title = release ? t.t('consent.card.release') : t.t('consent.card.consent');
    const to = t.list(r.recipients.map((x) => x.name ?? x.agencyId));
    const withdrawnCats = r.categories.filter((c) => !status.remainingCategories.includes(c));
    const open =
      status.kind === 'valid' ||
      status.kind === 'expiring' ||
      status.kind === 'partlyWithdrawn' ||
      status.kind === 'notYetValid';
    const explanation = informationParts(
      {
        ...(release ? { kind: 'release' as const } : {}),
        categories: r.categories,
        recipients: r.recipients,
        purposes,
        validFrom: r.validFrom,
        validUntil: r.validUntil,
        ...(r.includesProfessionalSecret ? { includesProfessionalSecret: true } : {}),
        ...(professionals.length ? { professionals } : {}),
      },
      this.i18n as unknown as Parameters<typeof informationParts>[1],
    );
    return html`<li class="card" part="consent" data-status=${status.kind} data-consent=${r.id}>
      <div class="card-head">
        <p class="card-title">${title} ${t.t('consent.card.to', { list: to })}</p>
        ${this.statusBadge(status, r)}
      </div>
      <dl class="facts">
        <dt>${t.t('consent.card.categories')}</dt>
        <dd>${t.list(r.categories.map((c) => t.text(CATEGORY_LABELS[c])))}</dd>
        ${
          purposes.length
            ? html`<dt>${t.t('consent.card.purposes')}</dt>
                <dd>${t.list(purposes.map((p) => t.text(purposeLabel(p))))}</dd>`
            : nothing
        }
        ${
          professionals.length
            ? html`<dt>${t.t('consent.card.professionals')}</dt>
                <dd>${t.list(professionals.map((p) => (p.profession ? `${p.name} (${p.profession})` : p.name)))}</dd>`
            : nothing
        }
        <dt>${t.t('consent.card.givenBy')}</dt>
        <dd>${this.personName(r.givenBy.personId)} (${t.t(`consent.role.${r.givenBy.role}`)})</dd>
        <dt>${t.t('consent.card.form')}</dt>
        <dd>${t.t(`consent.form.${r.form.kind}`)}</dd>
      </dl>
      ${
        withdrawnCats.length && status.kind === 'partlyWithdrawn'
          ? html`<p class="fk-hint">
              ${t.t('consent.card.withdrawnCategories', { list: t.list(withdrawnCats.map((c) => t.text(CATEGORY_LABELS[c]))) })}
            </p>`
          : nothing
      }
      <details part="explanation">
        <summary>${t.t('consent.card.explain')}</summary>
        ${explanation.map((p) => html`<p><strong>${p.heading}</strong> ${p.text}</p>`)}
      </details>
      ${
        open && !release && !this.readonly && !this.isDisabled && offers(this.issuable, 'withdrawConsent')
          ? html`<div class="actions">
              <button
                type="button"
                class="fk-button fk-button--small fk-button--danger"
                part="withdraw"
                aria-label=${t.t('consent.withdrawLabel', { title, list: to })}
                aria-expanded=${this.withdrawing === r.id ? 'true' : 'false'}
                @click=${() => this.openWithdraw(r.id)}
              >
                ${t.t('consent.withdraw')}
              </button>
            </div>`
          : nothing
      }
      ${this.withdrawing === r.id ? this.renderWithdrawal(r) : nothing}
    </li>`;
  }

  private renderWithdrawal(r: Pick<ConsentRecordLike, 'categories' | 'recipients'>) {
    const t = this.i18n;
    return html`<div class="section section--quiet" part="withdrawal">
      <h4 tabindex="-1">${t.t('consent.withdraw.title')}</h4>
      <p class="fk-hint">${t.t('consent.withdraw.lead')}</p>
      <fk-radio-group
        label=${t.t('consent.withdraw.scope')}
        inline
        .options=${[
          { value: 'whole', label: t.t('consent.withdraw.whole') },
          { value: 'partial', label: t.t('consent.withdraw.partial') },
        ]}
        .value=${this.withdrawScope}
        @change=${(e: Event) => (this.withdrawScope = (e.target as HTMLInputElement).value as 'whole' | 'partial')}
      ></fk-radio-group>
      ${
        this.withdrawScope === 'partial'
          ? html`<fk-checkbox-group
                label=${t.t('consent.withdraw.categories')}
                inline
                .options=${r.categories.map((c) => ({ value: c, label: t.text(CATEGORY_LABELS[c]) }))}
                .value=${this.withdrawCategories}
                .error=${this.withdrawError}
                @change=${(e: Event) => ((this.withdrawCategories = [...(e.target as HTMLElement & { value: DataCategory[] }).value]), (this.withdrawError = undefined))}
              ></fk-checkbox-group>
              ${
                r.recipients.length > 1
                  ? html`<fk-checkbox-group
                      label=${t.t('consent.withdraw.recipients')}
                      inline
                      .options=${r.recipients.map((x) => ({ value: x.agencyId, label: x.name ?? x.agencyId }))}
                      .value=${this.withdrawRecipients}
                      @change=${(e: Event) => ((this.withdrawRecipients = [...(e.target as HTMLElement & { value: string[] }).value]), (this.withdrawError = undefined))}
                    ></fk-checkbox-group>`
                  : nothing
              }`
          : nothing
      }
      <fk-text-field
        label=${t.t('consent.withdraw.note')}
        .value=${this.withdrawNote}
        @input=${(e: Event) => (this.withdrawNote = (e.target as HTMLInputElement).value)}
      ></fk-text-field>
      <div class="actions">
        <button
          type="button"
          class="fk-button fk-button--primary"
          ?disabled=${this.connection.pending}
          @click=${() => this.submitWithdraw()}
        >
          ${t.t('consent.withdraw.submit')}
        </button>
        <button type="button" class="fk-button" @click=${() => (this.withdrawing = undefined)}>
          ${t.t('consent.withdraw.cancel')}
        </button>
      </div>
    </div>`;
  }

  private renderList() {
    const t = this.i18n;
    const day = this.day;
    const all = [
      ...this.consents.map((c) => ({ c, release: false })),
      ...this.releases.map((r) => ({ c: { record: r, withdrawals: [] as const }, release: true })),
    ];
    const expiring = all.filter(({ c }) => consentStatus(c, day).kind === 'expiring').length;
    return html`<section class="section" part="list" aria-labelledby="list-heading">
      <h3 id="list-heading">${t.t('consent.list')}</h3>
      ${expiring ? html`<p class="notice notice--warn">${t.t('consent.expiringSummary', { count: expiring })}</p>` : nothing}
      ${
        all.length === 0
          ? html`<p class="fk-hint">${t.t('consent.listEmpty')}</p>`
          : html`<ul class="plain cards">
              ${repeat(
                all,
                ({ c }) => c.record.id,
                ({ c, release }) => this.renderCard(c, release),
              )}
            </ul>`
      }
    </section>`;
  }

  private renderInformation() {
    const t = this.i18n;
    const parts = this.parts;
    const part = parts[this.current]!;
    const next = this.current + 1 < parts.length ? parts[this.current + 1] : undefined;
    const error = this.errorAt('information');
    return html`<section
      class="section section--quiet"
      part="information"
      aria-labelledby="info-heading"
      data-path="information"
      tabindex="-1"
    >
      <h3 id="info-heading">${t.t('consent.info.title')}</h3>
      <p class="lead">${t.t('consent.info.lead')}</p>
      <ol class="steps">
        ${parts.map(
          (p, i) =>
            html`<li>
              <button
                type="button"
                class="fk-button fk-button--small step"
                part="information-step"
                ?data-shown=${this.shown.has(i)}
                aria-current=${i === this.current ? 'step' : nothing}
                @click=${() => this.display(i)}
              >
                ${this.shown.has(i) ? html`<span aria-hidden="true">✓ </span>` : nothing}${p.heading}${this.shown.has(i) ? html`<span class="fk-visually-hidden"> (${t.t('consent.info.sectionShown')})</span>` : nothing}
              </button>
            </li>`,
        )}
      </ol>
      <div class="info-panel" tabindex="-1" aria-labelledby="info-part-heading">
        <h4 id="info-part-heading">${part.heading}</h4>
        <p>${part.text}</p>
      </div>
      <div class="actions">
        ${this.current > 0 ? html`<button type="button" class="fk-button" @click=${() => this.display(this.current - 1)}>${t.t('consent.info.back')}</button>` : nothing}
        ${
          this.informationShown
            ? nothing
            : html`<button
                type="button"
                class="fk-button fk-button--primary"
                part="information-next"
                @click=${() => this.advance()}
              >
                ${next && !this.shown.has(this.current + 1) ? t.t('consent.info.next', { section: next.heading }) : t.t('consent.info.done')}
              </button>`
        }
        <span class="fk-hint"
          >${this.informationShown ? html`<span class="badge badge--ok">${t.t('consent.info.shown')}</span>` : t.t('consent.info.progress', { n: this.shown.size, count: parts.length })}</span
        >
      </div>
      ${
        error
          ? html`<p class="fk-feedback fk-feedback--error" part="error">
              <span class="fk-feedback__icon" aria-hidden="true">!</span>${error}
            </p>`
          : nothing
      }
    </section>`;
  }

  private renderGiver() {
    const t = this.i18n;
    const v = this.value;
    const age = this.ageOfSubject();
    return html`<fieldset class="section section--quiet">
      <legend class="fk-visually-hidden">${t.t('consent.giver')}</legend>
      <h4>${t.t('consent.giver')}</h4>
      ${
        age !== undefined && age < CONSENT_CAPACITY_AGE
          ? html`<p class="notice">${t.t('consent.minorUnder15', { age })}</p>`
          : nothing
      }
      ${
        age !== undefined && age >= CONSENT_CAPACITY_AGE && age < ADULT_AGE
          ? html`<p class="notice">${t.t('consent.minor15', { age })}</p>`
          : nothing
      }
      <div class="pair">
        <fk-select
          data-path="givenBy.personId"
          label=${t.t('consent.giverPerson')}
          required
          .options=${this.persons.map((p) => ({ value: p.id, label: p.name }))}
          .value=${v.givenBy?.personId ?? ''}
          .error=${this.errorAt('givenBy.personId')}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => this.setField('givenBy.personId', (e.target as HTMLSelectElement).value || undefined)}
        ></fk-select>
        <fk-radio-group
          data-path="givenBy.role"
          label=${t.t('consent.giverRole')}
          hint=${v.givenBy?.role === 'legalGuardian' ? t.t('consent.guardianHint') : nothing}
          required
          .options=${ROLES.map((r) => ({ value: r, label: t.t(`consent.role.${r}`) }))}
          .value=${v.givenBy?.role ?? ''}
          .error=${this.errorAt('givenBy.role')}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => this.setField('givenBy.role', (e.target as HTMLInputElement).value)}
        ></fk-radio-group>
      </div>
      ${
        age !== undefined && age >= 15 && age < 18 && v.givenBy?.role === 'self'
          ? html`<fk-radio-group
              data-path="capacityToConsent"
              label=${t.t('consent.capacity')}
              required
              inline
              .options=${[
                { value: 'assessed', label: t.t('consent.capacity.assessed') },
                { value: 'notAssessed', label: t.t('consent.capacity.notAssessed') },
              ]}
              .value=${v.capacityToConsent ?? ''}
              .error=${this.errorAt('capacityToConsent')}
              ?disabled=${this.isDisabled}
              ?readonly=${this.readonly}
              @change=${(e: Event) => this.setField('capacityToConsent', (e.target as HTMLInputElement).value)}
            ></fk-radio-group>`
          : nothing
      }
      ${
        age !== undefined && age < 15 && v.givenBy?.role && v.givenBy.role !== 'self'
          ? html`<fk-textarea
              data-path="childView"
              label=${t.t('consent.childView')}
              required
              rows="2"
              .value=${v.childView ?? ''}
              .error=${this.errorAt('childView')}
              ?disabled=${this.isDisabled}
              ?readonly=${this.readonly}
              @input=${(e: Event) => this.setField('childView', (e.target as HTMLTextAreaElement).value)}
            ></fk-textarea>`
          : nothing
      }
    </fieldset>`;
  }

  private renderForm() {
    const t = this.i18n;
    const f = this.value.form ?? {};
    return html`<fk-radio-group
        data-path="form.kind"
        label=${t.t('consent.form')}
        required
        .options=${(['written', 'electronic', 'oralMinuted'] as const).map((k) => ({ value: k, label: t.t(`consent.form.${k}`) }))}
        .value=${f.kind ?? ''}
        .error=${this.errorAt('form.kind')}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @change=${(e: Event) => {
          const kind = (e.target as HTMLInputElement).value as NonNullable<ConsentDraftValue['form']['kind']>;
          this.setField('form', kind === 'electronic' ? { kind, language: f.language ?? this.i18n.lang } : { kind });
        }}
      ></fk-radio-group>
      ${
        f.kind === 'written'
          ? html`<fk-text-field
              data-path="form.scanReference"
              label=${t.t('consent.scanReference')}
              required
              .value=${f.scanReference ?? ''}
              .error=${this.errorAt('form.scanReference')}
              ?disabled=${this.isDisabled}
              ?readonly=${this.readonly}
              @input=${(e: Event) => this.setField('form.scanReference', (e.target as HTMLInputElement).value)}
            ></fk-text-field>`
          : f.kind === 'electronic'
            ? html`<div class="pair">
                <fk-text-field
                  data-path="form.language"
                  label=${t.t('consent.language')}
                  required
                  .value=${f.language ?? ''}
                  .error=${this.errorAt('form.language')}
                  ?disabled=${this.isDisabled}
                  ?readonly=${this.readonly}
                  @input=${(e: Event) => this.setField('form.language', (e.target as HTMLInputElement).value)}
                ></fk-text-field>
                <div>
                  <fk-checkbox
                    data-path="form.interpreter.used"
                    label=${t.t('consent.interpreter')}
                    .checked=${f.interpreter?.used === true}
                    ?disabled=${this.isDisabled}
                    ?readonly=${this.readonly}
                    @change=${(e: Event) => this.setField('form.interpreter', { used: (e.target as HTMLInputElement).checked })}
                  ></fk-checkbox>
                  ${
                    f.interpreter?.used
                      ? html`<fk-text-field
                          data-path="form.interpreter.language"
                          label=${t.t('consent.interpreterLanguage')}
                          .value=${f.interpreter.language ?? ''}
                          ?disabled=${this.isDisabled}
                          ?readonly=${this.readonly}
                          @input=${(e: Event) => this.setField('form.interpreter.language', (e.target as HTMLInputElement).value)}
                        ></fk-text-field>`
                      : nothing
                  }
                </div>
              </div>`
            : f.kind === 'oralMinuted'
              ? html`<fk-textarea
                  data-path="form.exceptionReason"
                  label=${t.t('consent.exceptionReason')}
                  required
                  rows="2"
                  .value=${f.exceptionReason ?? ''}
                  .error=${this.errorAt('form.exceptionReason')}
                  ?disabled=${this.isDisabled}
                  ?readonly=${this.readonly}
                  @input=${(e: Event) => this.setField('form.exceptionReason', (e.target as HTMLTextAreaElement).value)}
                ></fk-textarea>`
              : nothing
      }`;
  }

  private renderDraft() {
    const t = this.i18n;
    const v = this.value;
    const recipients = this.allRecipients;
    const purposes = [...new Set([...this.purposeOptions, ...this.viewPurposes, ...(v.purposes ?? [])])];
    const release = v.kind === 'release';
    return html`<section class="section" part="draft" aria-labelledby="draft-heading">
      <h3 id="draft-heading">${t.t('consent.new')}</h3>
      <p class="lead">${t.t('consent.lead')}</p>
      <fk-radio-group
        data-path="kind"
        label=${t.t('consent.kind')}
        inline
        .options=${[
          { value: 'consent', label: t.t('consent.kind.consent') },
          { value: 'release', label: t.t('consent.kind.release') },
        ]}
        .value=${v.kind}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @change=${(e: Event) => this.setField('kind', (e.target as HTMLInputElement).value)}
      ></fk-radio-group>
      ${
        this.persons.length > 1
          ? html`<fk-select
              data-path="subjectId"
              label=${t.t('consent.subject')}
              .options=${this.persons.map((p) => ({ value: p.id, label: p.name }))}
              .value=${this.subject()?.id ?? ''}
              ?disabled=${this.isDisabled}
              ?readonly=${this.readonly}
              @change=${(e: Event) => this.setField('subjectId', (e.target as HTMLSelectElement).value)}
            ></fk-select>`
          : nothing
      }
      <fk-checkbox-group
        data-path="recipients"
        label=${t.t('consent.recipients')}
        hint=${recipients.length ? t.t('consent.recipientsHint') : t.t('consent.noRecipients')}
        required
        .options=${recipients.map((r) => ({ value: r.agencyId, label: r.name ?? r.agencyId }))}
        .value=${(v.recipients ?? []).map((r) => r.agencyId)}
        .error=${this.errorAt('recipients')}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @change=${(e: Event) => {
          const ids = (e.target as HTMLElement & { value: string[] }).value;
          this.setField(
            'recipients',
            recipients.filter((r) => ids.includes(r.agencyId)),
          );
        }}
      ></fk-checkbox-group>
      ${
        this.readonly
          ? nothing
          : html`<div class="inline-add">
              <fk-text-field
                label=${t.t('consent.recipientOther')}
                .value=${this.otherRecipient}
                ?disabled=${this.isDisabled}
                @input=${(e: Event) => (this.otherRecipient = (e.target as HTMLInputElement).value)}
              ></fk-text-field>
              <button
                type="button"
                class="fk-button"
                ?disabled=${this.isDisabled || !this.otherRecipient.trim()}
                @click=${() => this.addOtherRecipient()}
              >
                ${t.t('consent.recipientAdd')}
              </button>
            </div>`
      }
      <fk-checkbox-group
        data-path="purposes"
        label=${t.t('consent.purposes')}
        required
        .options=${purposes.map((p) => ({ value: p, label: this.purposeTitles[p] ? `${t.t('consent.purpose.measure')}: ${this.purposeTitles[p]}` : t.text(purposeLabel(p)) }))}
        .value=${v.purposes ?? []}
        .error=${this.errorAt('purposes')}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @change=${(e: Event) => this.setField('purposes', [...(e.target as HTMLElement & { value: string[] }).value])}
      ></fk-checkbox-group>
      <fk-checkbox-group
        data-path="categories"
        label=${t.t('consent.categories')}
        hint=${t.t('consent.categoriesHint')}
        required
        inline
        .options=${ORDINARY_DATA_CATEGORIES.map((c) => ({ value: c, label: t.text(CATEGORY_LABELS[c]) }))}
        .value=${(v.categories ?? []).filter((c) => !SPECIAL_DATA_CATEGORIES.includes(c))}
        .error=${this.errorAt('categories')}
        ?disabled=${this.isDisabled}
        ?readonly=${this.readonly}
        @change=${(e: Event) => {
          const picked = (e.target as HTMLElement & { value: DataCategory[] }).value;
          this.setField('categories', [
            ...picked,
            ...(v.categories ?? []).filter((c) => SPECIAL_DATA_CATEGORIES.includes(c)),
          ]);
        }}
      ></fk-checkbox-group>
      <details
        class="special"
        ?open=${(v.categories ?? []).some((c) => SPECIAL_DATA_CATEGORIES.includes(c)) || release}
      >
        <summary>${t.t('consent.special')}</summary>
        <p class="fk-hint">${t.t('consent.specialHint')}</p>
        <fk-checkbox-group
          data-path="specialCategories"
          label=${t.t('consent.special')}
          hide-label
          inline
          .options=${SPECIAL_DATA_CATEGORIES.map((c) => ({ value: c, label: t.text(CATEGORY_LABELS[c]) }))}
          .value=${(v.categories ?? []).filter((c) => SPECIAL_DATA_CATEGORIES.includes(c))}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => {
            const picked = (e.target as HTMLElement & { value: DataCategory[] }).value;
            this.setField('categories', [
              ...(v.categories ?? []).filter((c) => !SPECIAL_DATA_CATEGORIES.includes(c)),
              ...picked,
            ]);
          }}
        ></fk-checkbox-group>
        ${
          release
            ? nothing
            : html`<fk-checkbox
                data-path="includesProfessionalSecret"
                label=${t.t('consent.secret')}
                .checked=${v.includesProfessionalSecret === true}
                ?disabled=${this.isDisabled}
                ?readonly=${this.readonly}
                @change=${(e: Event) => this.setField('includesProfessionalSecret', (e.target as HTMLInputElement).checked)}
              ></fk-checkbox>`
        }
      </details>
      ${
        release
          ? html`<fk-textarea
              data-path="professionals"
              label=${t.t('consent.professionals')}
              hint=${t.t('consent.professionalsHint')}
              required
              rows="2"
              .value=${this.professionalsText}
              .error=${this.errorAt('professionals')}
              ?disabled=${this.isDisabled}
              ?readonly=${this.readonly}
              @input=${(e: Event) => this.setProfessionals((e.target as HTMLTextAreaElement).value)}
            ></fk-textarea>`
          : nothing
      }
      <div class="pair">
        <fk-date-field
          data-path="validFrom"
          label=${t.t('consent.validFrom')}
          required
          .value=${v.validFrom ?? ''}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => this.setField('validFrom', (e.target as HTMLInputElement).value)}
        ></fk-date-field>
        <fk-date-field
          data-path="validUntil"
          label=${t.t('consent.validUntil')}
          hint=${t.t('consent.validUntilHint', { months: this.maxMonths })}
          required
          .value=${v.validUntil ?? ''}
          .error=${this.errorAt('validUntil')}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          @change=${(e: Event) => this.setField('validUntil', (e.target as HTMLInputElement).value)}
        ></fk-date-field>
      </div>
      ${this.renderGiver()} ${this.renderForm()} ${this.renderInformation()}
      ${
        this.readonly || this.isDisabled
          ? nothing
          : html`<div class="actions actions--end">
              <button type="button" class="fk-button" part="print" @click=${() => this.print()}>
                ${t.t('consent.print')}
              </button>
              <button
                type="button"
                class="fk-button fk-button--primary"
                part="submit"
                ?disabled=${!this.informationShown || this.connection.pending}
                aria-describedby=${this.informationShown ? nothing : 'confirm-why'}
                @click=${() => this.requestSubmit()}
              >
                ${release ? t.t('consent.confirmRelease') : t.t('consent.confirm')}
              </button>
              ${this.informationShown ? nothing : html`<span id="confirm-why" class="fk-hint">${t.t('consent.readFirst')}</span>`}
            </div>`
      }
    </section>`;
  }

  private print(): void {
    const proceed = this.dispatchEvent(new FkPrintEvent());
    if (!proceed) return;
    this.preparePrint();
    window.print();
  }

  /**
   * Renders the consent document into the page's print root (see `mountPrintRoot`): what the
   * browser's print (or a PDF renderer switching to print media) then prints, without the host's
   * screen around it. `print()` calls it; a host that prints itself calls it first.
   */
  preparePrint(): HTMLElement {
    return mountPrintRoot(this.consentDocument(), [printStyles], this.i18n.lang);
  }

  private consentDocument() {
    const t = this.i18n;
    const subject = this.subject();
    return renderConsentDocument({
      release: this.value.kind === 'release',
      lang: this.i18n.lang,
      settings: this.printSettings.settings,
      ...(subject ? { person: subject.name } : {}),
      ...(subject?.birthDate ? { birthDate: t.date(subject.birthDate) } : {}),
      // The case's Aktenzeichen as people know it; the internal id only for a case without one.
      ...((this.caseLabel ?? this.connection.caseId) ? { caseNumber: this.caseLabel ?? this.connection.caseId } : {}),
      date: t.date(this.day),
      recipients: (this.value.recipients ?? []).map((r) => {
        const address = this.directory.find(r.agencyId)?.address;
        return { name: r.name ?? r.agencyId, ...(address ? { address } : {}) };
      }),
      parts: this.parts,
      words: {
        heading: this.value.kind === 'release' ? t.t('consent.printHeadingRelease') : t.t('consent.printHeading'),
        ...(subject ? { person: t.t('consent.printPerson', { name: subject.name }) } : {}),
        recipients: t.t('consent.printRecipients'),
        signature: t.t('consent.printSignature'),
        staff: t.t('consent.printStaff'),
      },
    });
  }

  private renderPrintSheet() {
    return html`<div class="print-sheet" part="print-sheet">${this.consentDocument()}</div>`;
  }

  override render() {
    const t = this.i18n;
    return html`<div class="form" part="form">
      <div class="screen-only">
        <div class="head" part="header"><h2>${t.t('consent.title')}</h2></div>
      </div>
      <div class="form screen-only">
        ${this.renderRefusals()} ${this.renderList()}
        ${offers(this.issuable, 'recordConsent') ? this.renderDraft() : html`<p class="fk-hint" part="view-only">${t.t('consent.viewOnly')}</p>`}
      </div>
      ${this.renderPrintSheet()} ${this.renderStatus()}
    </div>`;
  }
}
