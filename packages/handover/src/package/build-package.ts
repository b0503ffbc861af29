import {
  legalBasisLabel,
  ok,
  refused,
  sha256Hex,
  type CaseService,
  type CaseStore,
  type CaseViews,
  type Clock,
  type DataCategory,
  type LegalBasis,
  type PreviewedUnit,
  type Result,
  type TransferRecipient,
} from '@fallkit/core';
import { canonicalJson, normaliseLegalBasis } from '@fallkit/core/internal';
import { refuse } from '../refusals.js';
import { candidateUnits, contentFromView, manifestItems, unitKey } from './package-content.js';
import { HANDOVER_PACKAGE_FORMAT, type HandoverPackage, type Manifest, type WithheldEntry } from './package-schema.js';

/** How long a package is valid by default (days). */
export const DEFAULT_VALID_DAYS = 14;

/**
 * Reason codes whose withheld units the manifest does not list: their existence is not revealed
 * outside their circle (DP-24: entrusted and child-protection data).
 */
const UNLISTED_CODES = new Set(['DENY_SGB8_65_ENTRUSTED', 'DENY_8A_PROCEDURE_INCOMPLETE']);

/** What the sending agency builds a package from. */
export interface BuildHandoverOptions {
  /** The sender's case service, acting as the sender's case worker. */
  readonly service: CaseService;
  /** The sender's decided read channels over the same store. */
  readonly views: CaseViews;
  readonly clock: Clock;
  readonly caseId: string;
  /** The sending agency as the package names it (the actor's agency). */
  readonly sender: { readonly agencyId: string; readonly name: string };
  readonly recipient: TransferRecipient;
  readonly legalBasis: LegalBasis | string;
  /** The purpose the recipient may use the data for (DP-05, § 78 SGB X); `caseManagement` if absent. */
  readonly purpose?: string;
  /** Only these categories are asked for (DP-17: a selection); every category of the handover sections if absent. */
  readonly categories?: readonly DataCategory[];
  readonly validDays?: number;
  /** The package id (single-use); a random UUID if absent. */
  readonly packageId?: string;
  /** For the seal of the journal head (DP-44), when the store keeps seals; and to read the settled transfer. */
  readonly store?: Pick<CaseStore, 'readSeal' | 'readJournal'>;
  /**
   * For a synced device (`@fallkit/sync`): pushes the recorded transfer to the authoritative server and waits
   * for its answer. The server decides the transfer again and gives it its own id; the package then names the
   * transfer (and the journal head) as the settled journal holds them, read from `store`, so that the
   * recipient's answers and a later withdrawal name a transfer the sender's journal knows. A transfer the
   * server did not keep is `HANDOVER_DECISION_CHANGED` and nothing is sent.
   */
  readonly settle?: () => Promise<void>;
}

interface RecordedTransfer {
  readonly id: string;
  readonly recipient?: { readonly agencyId?: string };
  readonly items: readonly { section: string; id: string; part?: string }[];
}

/** A built package with its hash and the recorded transfer. */
export interface BuiltHandoverPackage {
  readonly package: HandoverPackage;
  /** SHA-256 of the canonical JSON of the package: what the recipient records. */
  readonly packageHash: string;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}

function withheldOf(units: readonly PreviewedUnit[]): WithheldEntry[] {
  const seen = new Map<string, WithheldEntry>();
  for (const unit of units) {
    if (unit.send || UNLISTED_CODES.has(unit.reason.code)) continue;
    for (const category of unit.categories) {
      const key = `${category}|${unit.reason.code}`;
      if (!seen.has(key))
        seen.set(key, {
          category,
          code: unit.reason.code,
          rule: unit.reason.rule,
          message: { de: unit.reason.message.de, en: unit.reason.message.en },
        });
    }
  }
  return [...seen.values()].sort((a, b) => (a.category + a.code < b.category + b.code ? -1 : 1));
}

/**
 * Builds a handover package from the core's decisions, never from the journal: the sender's view of
 * the case (DP-23) gives the candidates and the content, the transfer preview for the named recipient
 * and basis decides what goes and what is withheld and why (DP-10, DP-15..DP-22), and `transferData`
 * records the transfer in the sender's journal (DP-16, DP-28; later withdrawals notify the recipient
 * from it, DP-14). The package is then recorded as `requested` in the sender's status loop.
 */
export async function buildHandoverPackage(options: BuildHandoverOptions): Promise<Result<BuiltHandoverPackage>> {
  const { service, views, caseId, recipient, legalBasis } = options;
  const purpose = options.purpose ?? 'caseManagement';
  const viewed = await views.viewCase(caseId, purpose);
  if (!viewed.ok) return viewed;
  const view = viewed.value;
  const request = { recipient, legalBasis, purpose };
  // First over every candidate, to learn each unit's categories; then over the asked categories only.
  const all = await views.previewTransfer(caseId, { ...request, items: candidateUnits(view) });
  if (!all.ok) return all;
  const asked = options.categories;
  const items = all.value.units
    .filter((unit) => asked === undefined || unit.categories.some((c) => asked.includes(c)))
    .map((unit) => ({ section: unit.section, id: unit.id, ...(unit.part === undefined ? {} : { part: unit.part }) }));
  const preview = asked === undefined ? all : await views.previewTransfer(caseId, { ...request, items });
  if (!preview.ok) return preview;
  if (preview.value.decision.outcome === 'deny') {
    const [first, ...more] = preview.value.decision.reasons.map((r) => ({
      code: r.code,
      rule: r.rule,
      message: r.message,
    }));
    return first === undefined ? refuse('HANDOVER_NOTHING_TO_SEND') : refused(first, ...more);
  }
  const sent = preview.value.units.filter((unit) => unit.send);
  if (sent.length === 0) return refuse('HANDOVER_NOTHING_TO_SEND');
  const built = contentFromView(view, sent);
  if ('missing' in built) return refuse('HANDOVER_NOTHING_TO_SEND', built.missing);

  // The transfer is recorded as the core decides it now; it must be the decision the content follows.
  const transfer = await service.execute({ type: 'transferData', caseId, input: { ...request, items } });
  if (!transfer.ok) return transfer;
  const recorded = transfer.value.events.find((event) => event.type === 'DataTransferred');
  let record = recorded?.payload as RecordedTransfer | undefined;
  const previewKeys = canonicalJson(sent.map(unitKey).sort());
  const sameItems = (r: RecordedTransfer | undefined) =>
    r !== undefined && canonicalJson(r.items.map(unitKey).sort()) === previewKeys;
  if (!sameItems(record)) return refuse('HANDOVER_DECISION_CHANGED');
  let head: { seq: number; hash: string } = transfer.value.events.at(-1)!;
  if (options.settle !== undefined) {
    await options.settle();
    const journal = (await options.store?.readJournal?.(caseId)) ?? [];
    // The newest transfer of exactly these items to this recipient, as the settled journal holds it.
    const settled = journal
      .filter((event) => event.type === 'DataTransferred')
      .map((event) => event.payload as RecordedTransfer)
      .filter((r) => r.recipient?.agencyId === recipient.agencyId && sameItems(r))
      .at(-1);
    const last = journal.at(-1);
    if (settled === undefined || last === undefined) return refuse('HANDOVER_DECISION_CHANGED');
    record = settled;
    head = last;
  }
  if (record === undefined) return refuse('HANDOVER_DECISION_CHANGED');
  const seal = await options.store?.readSeal?.(caseId);
  const issuedAt = options.clock.now();
  const basis = normaliseLegalBasis(legalBasis)!;
  const manifest: Manifest = {
    format: HANDOVER_PACKAGE_FORMAT,
    version: 1,
    packageId: options.packageId ?? crypto.randomUUID(),
    transferId: record.id,
    issuedAt,
    expiresAt: addDays(issuedAt, options.validDays ?? DEFAULT_VALID_DAYS),
    sender: { agencyId: options.sender.agencyId, name: options.sender.name },
    recipient: { agencyId: recipient.agencyId, name: recipient.name, kind: recipient.kind },
    purpose,
    legalBasis: { kind: basis.kind, label: legalBasisLabel(basis) },
    purposeBindingNotice: { ...preview.value.purposeBindingNotice },
    source: {
      caseId,
      head: { seq: head.seq, hash: head.hash },
      ...(seal !== undefined && seal.seq === head.seq && seal.hash === head.hash
        ? { seal: { alg: seal.alg, signature: seal.signature } }
        : {}),
    },
    included: { categories: [...preview.value.categories], items: await manifestItems(built.content, sent) },
    withheld: withheldOf(preview.value.units),
  };
  const pkg: HandoverPackage = { manifest, content: built.content };
  const packageHash = await packageHashOf(pkg);
  const requested = await service.execute({
    type: 'recordHandoverStatus',
    caseId,
    input: {
      packageId: manifest.packageId,
      transferId: record.id,
      status: 'requested',
      side: 'sent',
      counterpart: { agencyId: recipient.agencyId, name: recipient.name },
      messageHash: packageHash,
    },
  });
  if (!requested.ok) return requested;
  return ok({ package: pkg, packageHash });
}

/** The SHA-256 of a package's canonical JSON (the bytes that are signed). */
export function packageHashOf(pkg: HandoverPackage): Promise<string> {
  return sha256Hex(canonicalJson(pkg));
}
