import { FixedClock, type Actor, type CaseState, type CaseStore, type CaseView, type JournalEvent } from '@fallkit/core';
/** "Now" of the read-channel tests: after every example step. */
export declare const NOW = "2026-11-02T09:00:00.000Z";
export declare const TODAY: string;
/** Kowalski: a Jobcenter case with an entrusted note; the tests add a child-protection note. */
export declare const KOWALSKI = "jc-2026-0522";
/** Schulte: debts and addiction; the debt counselling service has a consent for debts only. */
export declare const SCHULTE = "jc-2026-0417";
/** Rahimi: handed over from the KIM to the Jobcenter. */
export declare const RAHIMI = "kim-2026-0001";
export declare const DEMIR: Actor;
export declare const HOFFMANN: Actor;
/** The actor kinds every read channel is tried with (PRIVACY.md DP-23, DP-28, DP-40, DP-41). */
export declare const ACTOR_KINDS: Readonly<Record<string, Actor>>;
/** Purposes the channels are asked for. */
export declare const PURPOSES: readonly ["caseManagement", "supervision", "dataSubjectRequest", "statistics"];
/** A store that counts the reads of each stream (the access log must not be read whole on every append). */
export declare function countingStore(inner: CaseStore): CaseStore & {
    reads: Map<string, number>;
};
/**
 * The example cases in a memory store, plus a child-protection note and a supervision grant in
 * Kowalski's case, and the service and views over one switchable actor.
 */
export declare function readWorld(options?: {
    store?: CaseStore;
}): Promise<{
    store: CaseStore;
    service: import("@fallkit/core").CaseService;
    views: import("@fallkit/core").CaseViews;
    clock: FixedClock;
    run: (type: string, caseId: string, input: unknown, as?: Actor) => Promise<import("@fallkit/core").CommandOutcome>;
    as(next: Actor): void;
    readonly actor: {
        id: string;
        role: "caseManager" | "deputy" | "intake" | "teamLead" | "partnerAgency" | "provider" | "caseConference" | "statistics" | "admin" | "dataProtectionOfficer" | "hr" | "dataSubject" | "system";
        agencyId: string;
        name?: string | undefined;
    };
    /** The full case (the test's trusted read, never a component's). */
    full(caseId: string): Promise<{
        state: CaseState;
        events: readonly JournalEvent[];
    }>;
    /** Every access-log event of every agency, for "nothing was logged" checks. */
    accessLogSize(): Promise<number>;
}>;
/** Every string in a value (keys not included), recursively. */
export declare function stringsOf(value: unknown, out?: Set<string>): Set<string>;
/**
 * What the actor's own view withholds from a case: ids of items it shows no part of and strings of
 * the case file it shows nowhere. The reference every channel is compared with (DP-23, DP-24).
 */
export interface Withheld {
    readonly ids: ReadonlySet<string>;
    readonly strings: ReadonlySet<string>;
    /** Strings the view shows, for substring checks on texts built from them. */
    readonly shown: ReadonlySet<string>;
}
/** Computes {@link Withheld} from the full case and the actor's view of it. */
export declare function withheldBy(full: CaseState, view: CaseView): Withheld;
/** Whether a text names an id as a whole token (`goal-1` is not named by `goal-10`). */
export declare function mentions(text: string, id: string): boolean;
/** The withheld ids and strings a channel's output reaches, empty when none. */
export declare function leaks(output: unknown, withheld: Withheld): string[];
