/**
 * The demo's handover desk on a shared Fallkit server (issue 16): sending a package from one agency's case to
 * another agency and receiving one, through the server's inbox and key directory. Nothing here decides: the
 * package is built from the core's decisions (`buildHandoverPackage`: the view, the transfer preview, the
 * recorded transfer), the case is opened through the core's `openCaseFromHandover`, every status is recorded
 * with `recordHandoverStatus`, and the server takes the actor from the verified token (DP-40). The desk signs
 * with the agency key of this device (handover-keys.ts) and verifies against the sender agency's published
 * keys (never a key carried in the package).
 */
import type { Actor, CaseService, CaseStore, CaseViews, CommandOutcome, Result } from '@fallkit/core';
import { decideHandoverInbox, ok, systemClock } from '@fallkit/core';
import { base64url } from 'jose';
import {
  answerHandover,
  buildHandoverPackage,
  encryptForRecipients,
  handoverFile,
  HANDOVER_REFUSALS,
  receiveHandoverPackage,
  receiveWithdrawalNotice,
  recordStatusAtSender,
  serverInbox,
  serverKeyDirectory,
  signMessage,
  statusMessage,
  decryptDelivered,
  isEncrypted,
  verifyHandoverPackage,
  withdrawalNotices,
  type AgencyEncryptionKey,
  type AgencySigningKey,
  type HandoverFile,
  type InboxEntry,
  type Manifest,
  type VerifiedPackage,
} from '@fallkit/handover';
import { deviceEncryptionKey, deviceSigningKey, forgetDeviceKeys } from './handover-keys.js';
import { deskMemory, type DeskMemory } from './handover-register.js';

/** One agency as the desk names it. */
export interface DeskAgency {
  readonly agencyId: string;
  readonly name: string;
}

/**
 * A package in the inbox or opened from a file: verified (with its inbox message, `messageId` undefined for a
 * file), or refused with the typed refusal (its plain sentence; the code for the administrators' details).
 */
export type IncomingPackage =
  | { readonly messageId?: string; readonly fileName?: string; readonly verified: VerifiedPackage }
  | {
      readonly messageId?: string;
      readonly fileName?: string;
      /** The sender the inbox message names (unverified); unknown for a file. */
      readonly senderAgencyId?: string;
      readonly refusal: { code: string; message: { de: string; en: string } };
    };

/** The handover desk of the signed-in person's device. */
export interface HandoverDesk {
  readonly actor: Actor;
  readonly agency: DeskAgency;
  readonly memory: DeskMemory;
  /** The decided read channels the desk's pages read through. */
  readonly views: CaseViews;
  /** Builds, signs and sends the case's package to the recipient on the basis (e.g. `consent:<id>`). */
  send(caseId: string, recipient: DeskAgency, legalBasis: string): Promise<Result<{ packageId: string }>>;
  /** Records the recipients' signed status messages for the case's packages; how many it recorded. */
  collectStatus(caseId: string, packageIds: readonly string[]): Promise<number>;
  /** The inbox's packages, verified; withdrawal notices are applied to the cases they concern on the way. */
  incoming(): Promise<Result<IncomingPackage[]>>;
  /**
   * Builds, signs and encrypts the case's package to the recipient's published encryption key: the file to
   * download (`uebergabe-<packageId>.fkhandover`, a JWE), for an agency that does not share the server.
   */
  file(caseId: string, recipient: DeskAgency, legalBasis: string): Promise<Result<HandoverFile>>;
  /** Opens a chosen file with this device's encryption key and verifies the package inside it. */
  openFile(name: string, text: string): Promise<IncomingPackage>;
  /**
   * Accepts (opens the own case from it) or declines a verified package (with the reason, which goes to the
   * sender in the signed answer), and signs the answer to the sender.
   */
  answer(
    incoming: IncomingPackage,
    status: 'accepted' | 'declined',
    note?: string,
  ): Promise<Result<{ caseId?: string }>>;
  /**
   * After a command: a consent withdrawal that decided notices (DP-14) waits until the server confirmed it is
   * stored; then the notices are signed from the settled journal and sent. Answers how many were sent.
   */
  afterCommand(outcome: CommandOutcome): Promise<number>;
  /** Sends the notices of withdrawals the server has confirmed since (also after a reload); how many. */
  sendConfirmedWithdrawals(): Promise<number>;
  /**
   * On sign-out: withdraws the device's encryption key from the server's directory (senders no longer encrypt
   * files to a desk nobody is signed in at, and the agency's limit of keys in force is not used up by old
   * sessions), then removes this device's key material for the signed-in person (the private signing and
   * encryption keys in IndexedDB, and the desk's hold on them). The signing key's public half stays published,
   * so packages signed with it still verify at their recipients. Offline, the withdrawal is not sent (the key
   * stays in the directory); the private half is removed all the same.
   */
  forgetKeys(): Promise<void>;
}

/** What the desk works with. */
export interface DeskOptions {
  readonly baseUrl: string;
  readonly token: () => string | undefined;
  readonly actor: Actor;
  readonly agencyName: string;
  readonly service: CaseService;
  readonly views: CaseViews;
  /** The device store: the settled transfer and the seal of the head are read from it. */
  readonly store: Pick<CaseStore, 'readSeal' | 'readJournal'>;
  /** The device store's name: the scope of the device's key and memory. */
  readonly scope: string;
  /** Display names of other agencies (for the notices). */
  readonly names?: Readonly<Record<string, string>>;
  /** Pushes queued writes now (the synced device's `syncNow`). */
  readonly syncNow?: () => Promise<unknown>;
  /**
   * Whether the server has confirmed every write of this device (a round of `syncNow` succeeded and nothing is
   * queued); a withdrawal's notices go out only then.
   */
  readonly confirmed?: () => Promise<boolean>;
  /** Where the withdrawals waiting for the server's confirmation are kept (the tab's localStorage). */
  readonly storage?: Storage;
}

/** A withdrawal whose notices wait for the server's confirmation. */
interface WaitingWithdrawal {
  readonly caseId: string;
  readonly consentId: string;
}

/**
 * The refusal as the inbox shows it: the code's plain sentence (without the technical detail a refusal may
 * append, an agency id or an instant), the code for the administrators' details.
 */
function refusalOf(result: Extract<Result<unknown>, { ok: false }>) {
  const first = result.errors[0];
  const code = first?.code ?? 'HANDOVER_MALFORMED';
  const plain = (HANDOVER_REFUSALS as Record<string, { de: string; en: string } | undefined>)[code];
  return { code, message: plain ?? first?.message ?? HANDOVER_REFUSALS.HANDOVER_MALFORMED };
}

/** Opens the desk: the device's key, published to the server's directory (again, idempotent, on each start). */
export async function openHandoverDesk(options: DeskOptions): Promise<Result<HandoverDesk>> {
  const { service, views, actor } = options;
  const agency: DeskAgency = { agencyId: actor.agencyId, name: options.agencyName };
  const client = { baseUrl: location.origin, token: options.token };
  const inbox = serverInbox(client);
  const keys = serverKeyDirectory(client);
  const memory = deskMemory(options.scope);
  let key: AgencySigningKey | undefined;
  let encryption: AgencyEncryptionKey | undefined;
  // The device's encryption key, published so that a sender can encrypt a file to this agency (idempotent).
  const encryptionKey = async (): Promise<Result<AgencyEncryptionKey>> => {
    if (encryption !== undefined) return { ok: true, value: encryption };
    const made = await deviceEncryptionKey(options.scope, agency.agencyId);
    const published = await keys.publish(made.publicJwk);
    if (!published.ok) return published;
    encryption = made;
    return { ok: true, value: encryption };
  };
  // Published on opening, for a person whose role may receive packages (the core's decision the server asks
  // too): a role that receives none makes no key and asks nothing of the server.
  if (decideHandoverInbox(actor, { action: 'read', agencyId: agency.agencyId }).ok)
    await encryptionKey().catch(() => undefined);

  const storage = options.storage ?? localStorage;
  const waitingKey = `fallkit-demo.handover-withdrawals.${options.scope}`;
  const waiting = (): WaitingWithdrawal[] => {
    try {
      return (JSON.parse(storage.getItem(waitingKey) ?? '[]') as WaitingWithdrawal[]).filter(
        (w) => typeof w.caseId === 'string' && typeof w.consentId === 'string',
      );
    } catch {
      return [];
    }
  };
  const keepWaiting = (list: readonly WaitingWithdrawal[]) =>
    list.length === 0 ? storage.removeItem(waitingKey) : storage.setItem(waitingKey, JSON.stringify(list));

  /**
   * The withdrawal as the server stored it: the newest `ConsentWithdrawn` of the consent in the settled journal
   * and the `RecipientNotified` the server decided with it (the server decides again, with its own ids and
   * instants). `undefined` when the settled journal holds no withdrawal of it (the server refused it: the sync
   * conflicts show why, and no notice goes out).
   */
  async function settledWithdrawal(entry: WaitingWithdrawal): Promise<CommandOutcome | undefined> {
    const journal = await options.store.readJournal(entry.caseId);
    let at = -1;
    journal.forEach((e, index) => {
      if (e.type === 'ConsentWithdrawn' && (e.payload as { consentId?: string }).consentId === entry.consentId)
        at = index;
    });
    if (at < 0) return undefined;
    const events = [journal[at]!];
    for (const e of journal.slice(at + 1)) {
      if (e.type === 'ConsentWithdrawn') break;
      if (e.type === 'RecipientNotified') events.push(e);
    }
    return { caseId: entry.caseId, events, state: undefined as unknown as CommandOutcome['state'] };
  }

  let sending: Promise<number> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  /** Not confirmed yet (offline, or other writes still queued): asks again in a while. */
  const retryLater = () => {
    if (retry !== undefined) return;
    retry = setTimeout(() => {
      retry = undefined;
      void sendConfirmedWithdrawals();
    }, 15_000);
  };
  async function sendConfirmed(): Promise<number> {
    const list = waiting();
    if (list.length === 0) return 0;
    if (options.confirmed === undefined) await options.syncNow?.();
    else if (!(await options.confirmed())) {
      retryLater();
      return 0;
    }
    const signed = await signingKey();
    if (!signed.ok) return 0;
    let sent = 0;
    const left: WaitingWithdrawal[] = [];
    for (const entry of list) {
      const settled = await settledWithdrawal(entry);
      if (settled === undefined) continue;
      const notices = await withdrawalNotices(settled, {
        sender: agency,
        key: signed.value,
        ...(options.names === undefined ? {} : { names: options.names }),
      });
      let all = true;
      for (const { notice } of notices) {
        const delivered = await inbox.send('withdrawal', notice);
        if (delivered.ok) sent += 1;
        else all = false;
      }
      if (!all) left.push(entry);
    }
    // Entries added while this ran stay for the next round.
    const now = waiting().filter((w) => !list.some((l) => l.caseId === w.caseId && l.consentId === w.consentId));
    keepWaiting([...left, ...now]);
    return sent;
  }
  /** One run at a time: a second call waits for the first and runs again. */
  const sendConfirmedWithdrawals = async (): Promise<number> => {
    while (sending !== undefined) await sending.catch(() => 0);
    sending = sendConfirmed().finally(() => (sending = undefined));
    return sending;
  };
  const signingKey = async (): Promise<Result<AgencySigningKey>> => {
    if (key !== undefined) return { ok: true, value: key };
    const made = await deviceSigningKey(options.scope, agency.agencyId);
    const published = await keys.publish(made.publicJwk);
    if (!published.ok) return published;
    key = made;
    return { ok: true, value: key };
  };

  async function incoming(): Promise<Result<IncomingPackage[]>> {
    void sendConfirmedWithdrawals();
    const listed = await inbox.list();
    if (!listed.ok) return listed;
    const out: IncomingPackage[] = [];
    for (const message of listed.value) {
      const directory = await keys.directoryOf([message.senderAgencyId]);
      if (!directory.ok) return directory;
      if (message.kind === 'withdrawal') {
        await applyWithdrawal(message, directory.value);
        continue;
      }
      if (message.kind !== 'package') continue;
      const verified = await verifyHandoverPackage(message.token, {
        recipientAgencyId: agency.agencyId,
        keys: directory.value,
        register: memory,
        now: systemClock.now(),
      });
      if (!verified.ok) {
        out.push({
          messageId: message.messageId,
          senderAgencyId: message.senderAgencyId,
          refusal: refusalOf(verified),
        });
        continue;
      }
      await noteReceived(verified.value);
      out.push({ messageId: message.messageId, verified: verified.value });
    }
    return { ok: true, value: out };
  }

  /** The sender learns that the package arrived and verified (`received`), once. */
  async function noteReceived(verified: VerifiedPackage): Promise<void> {
    const { manifest } = verified.package;
    if (memory.known(manifest.packageId) !== undefined) return;
    const signed = await signingKey();
    if (!signed.ok) return;
    const sent = await inbox.send('status', await statusMessage(manifest, 'received', signed.value, systemClock.now()));
    if (sent.ok) memory.note(manifest.packageId, { manifest, answered: 'received' });
  }

  async function applyWithdrawal(
    message: InboxEntry,
    directory: Parameters<typeof receiveWithdrawalNotice>[1]['keys'],
  ) {
    const applied = await receiveWithdrawalNotice(message.token, {
      service,
      recipientAgencyId: agency.agencyId,
      keys: directory,
      register: memory,
    });
    // A notice about a package this desk declined (no case) is done too; one that does not verify stays.
    if (!applied.ok && applied.errors[0]?.code !== 'HANDOVER_UNKNOWN_PACKAGE') return;
    if (applied.ok) {
      await options.syncNow?.();
      const signed = await signingKey();
      for (const entry of memory.allKnown().filter((k) => k.caseId !== undefined && k.answered !== 'withdrawn')) {
        const concerned = applied.value.some((outcome) => outcome.caseId === entry.caseId);
        if (!concerned || !signed.ok) continue;
        // The loop closes: the sender sees that the recipient recorded the withdrawal.
        const sent = await inbox.send(
          'status',
          await statusMessage(entry.manifest, 'withdrawn', signed.value, systemClock.now()),
        );
        if (sent.ok) memory.note(entry.manifest.packageId, { ...entry, answered: 'withdrawn' });
      }
    }
    await inbox.acknowledge(message.messageId);
  }

  // Withdrawals kept before a reload, now confirmed.
  void sendConfirmedWithdrawals();
  return {
    ok: true,
    value: {
      actor,
      agency,
      memory,
      views,
      async send(caseId, recipient, legalBasis) {
        const signed = await signingKey();
        if (!signed.ok) return signed;
        const built = await buildHandoverPackage({
          service,
          views,
          clock: systemClock,
          caseId,
          sender: agency,
          recipient: { ...recipient, kind: 'statutoryAgency' },
          legalBasis,
          store: options.store,
          // The server decides the transfer again (with its own id): the package names the settled one.
          ...(options.syncNow === undefined ? {} : { settle: async () => void (await options.syncNow!()) }),
        });
        if (!built.ok) return built;
        const token = await signMessage('package', built.value.package, signed.value);
        const sent = await inbox.send('package', token);
        await options.syncNow?.();
        if (!sent.ok) return sent;
        return { ok: true, value: { packageId: built.value.package.manifest.packageId } };
      },
      async collectStatus(caseId, packageIds) {
        void sendConfirmedWithdrawals();
        const listed = await inbox.list();
        if (!listed.ok) return 0;
        let recorded = 0;
        for (const message of listed.value) {
          if (message.kind !== 'status' || !packageIds.includes(message.packageId ?? '')) continue;
          const directory = await keys.directoryOf([message.senderAgencyId]);
          if (!directory.ok) continue;
          const result = await recordStatusAtSender(message.token, {
            service,
            caseId,
            senderAgencyId: agency.agencyId,
            keys: directory.value,
          });
          if (result.ok) recorded += 1;
          // A message that does not verify is refused and stays out of the journal; it is not kept either.
          await inbox.acknowledge(message.messageId);
        }
        if (recorded > 0) await options.syncNow?.();
        return recorded;
      },
      incoming,
      async file(caseId, recipient, legalBasis) {
        const signed = await signingKey();
        if (!signed.ok) return signed;
        // The recipient's key first: without one, no transfer is recorded for a file that cannot be made.
        const to = await keys.encryptionKeysOf(recipient.agencyId);
        if (!to.ok) return to;
        const built = await buildHandoverPackage({
          service,
          views,
          clock: systemClock,
          caseId,
          sender: agency,
          recipient: { ...recipient, kind: 'statutoryAgency' },
          legalBasis,
          store: options.store,
          ...(options.syncNow === undefined ? {} : { settle: async () => void (await options.syncNow!()) }),
        });
        if (!built.ok) return built;
        const token = await signMessage('package', built.value.package, signed.value);
        // Every desk of the recipient agency that published a key can open the file, not only the newest.
        const jwe = await encryptForRecipients(token, to.value);
        await options.syncNow?.();
        return { ok: true, value: handoverFile(built.value.package.manifest.packageId, jwe) };
      },
      async openFile(name, text) {
        const refusedAs = (result: Extract<Result<unknown>, { ok: false }>): IncomingPackage => ({
          fileName: name,
          refusal: refusalOf(result),
        });
        const opened = await encryptionKey();
        if (!opened.ok) return refusedAs(opened);
        // The sender's keys: the package names its sender; verification checks that sender's published key.
        let sender: string | undefined;
        try {
          // A signed package that is not encrypted is verified as it is (the server inbox's kind of token).
          const jws = isEncrypted(text)
            ? await decryptDelivered(text, opened.value.privateKey, opened.value.kid)
            : ok(text.trim());
          if (!jws.ok) return refusedAs(jws);
          const payload = JSON.parse(new TextDecoder().decode(base64url.decode(jws.value.split('.')[1] ?? ''))) as {
            manifest?: { sender?: { agencyId?: unknown } };
          };
          if (typeof payload.manifest?.sender?.agencyId === 'string') sender = payload.manifest.sender.agencyId;
        } catch {
          // unreadable: the verification below gives the typed refusal
        }
        const directory = await keys.directoryOf(sender === undefined ? [] : [sender]);
        if (!directory.ok) return refusedAs(directory);
        const verified = await verifyHandoverPackage(text, {
          recipientAgencyId: agency.agencyId,
          keys: directory.value,
          register: memory,
          now: systemClock.now(),
          decryptionKey: opened.value.privateKey,
          decryptionKeyId: opened.value.kid,
        });
        if (!verified.ok) return refusedAs(verified);
        // A file answered before (declined packages are not in the register, accepted ones are) is a replay.
        const answered = memory.known(verified.value.package.manifest.packageId)?.answered;
        if (answered !== undefined && answered !== 'received')
          return {
            fileName: name,
            refusal: { code: 'HANDOVER_REPLAYED', message: HANDOVER_REFUSALS.HANDOVER_REPLAYED },
          };
        await noteReceived(verified.value);
        return { fileName: name, verified: verified.value };
      },
      async answer(entry, status, note) {
        if (!('verified' in entry)) return { ok: false, errors: [] };
        const signed = await signingKey();
        if (!signed.ok) return signed;
        const manifest: Manifest = entry.verified.package.manifest;
        const at = systemClock.now();
        if (status === 'declined') {
          // Declined: no case is opened and nothing of the package is kept; the sender gets the signed answer.
          const sent = await inbox.send('status', await statusMessage(manifest, 'declined', signed.value, at, note));
          if (!sent.ok) return sent;
          memory.note(manifest.packageId, { manifest, answered: 'declined' });
          if (entry.messageId !== undefined) await inbox.acknowledge(entry.messageId);
          return { ok: true, value: {} };
        }
        const opened = await receiveHandoverPackage(entry.verified, {
          service,
          register: memory,
          leadAgency: agency,
          // The case list names the case by the sender's file number, not by its generated id.
          label: `Übergabe ${manifest.source.caseId.toUpperCase()}`,
          caseManager: { userId: actor.id, agencyId: actor.agencyId, ...(actor.name ? { name: actor.name } : {}) },
        });
        if (!opened.ok) return opened;
        const caseId = opened.value.caseId;
        const answered = await answerHandover({ service, caseId, manifest, status: 'accepted', key: signed.value, at });
        if (!answered.ok) return answered;
        const sent = await inbox.send('status', answered.value);
        if (!sent.ok) return sent;
        memory.note(manifest.packageId, { manifest, answered: 'accepted', caseId });
        if (entry.messageId !== undefined) await inbox.acknowledge(entry.messageId);
        await options.syncNow?.();
        return { ok: true, value: { caseId } };
      },
      async afterCommand(outcome) {
        const withdrawn = outcome.events.find((event) => event.type === 'ConsentWithdrawn')?.payload as
          { consentId?: string } | undefined;
        if (withdrawn?.consentId === undefined || !outcome.events.some((e) => e.type === 'RecipientNotified')) return 0;
        // Kept first (a reload before the server answers does not lose it), sent once the server stored it.
        keepWaiting([...waiting(), { caseId: outcome.caseId, consentId: withdrawn.consentId }]);
        return sendConfirmedWithdrawals();
      },
      sendConfirmedWithdrawals,
      async forgetKeys() {
        // The token is read now: the sign-out that called this is about to drop it.
        const token = options.token();
        const published = encryption;
        key = undefined;
        encryption = undefined;
        if (published !== undefined && token !== undefined)
          await serverKeyDirectory({ ...client, token: () => token })
            .withdraw(agency.agencyId, published.kid)
            .catch(() => undefined);
        if (retry !== undefined) clearTimeout(retry);
        retry = undefined;
        await forgetDeviceKeys(options.scope);
      },
    },
  };
}
