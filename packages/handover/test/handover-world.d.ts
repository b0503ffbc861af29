import { FixedClock, MemoryCaseStore, type Actor, type CaseService, type CaseViews, type CommandOutcome } from '@fallkit/core';
import { type BuiltHandoverPackage, type AgencyEncryptionKey, type AgencySigningKey, type ReceivedPackageRegister, type SenderKeyDirectory } from '@fallkit/handover';
/** One agency with a store of its own: its service and views act as `actor`. */
export interface Agency {
    readonly agencyId: string;
    readonly name: string;
    readonly store: MemoryCaseStore;
    readonly service: CaseService;
    readonly views: CaseViews;
    readonly signing: AgencySigningKey;
    readonly encryption: AgencyEncryptionKey;
    readonly register: ReceivedPackageRegister;
    /** Public signing keys of the other agencies. */
    keys: SenderKeyDirectory;
    as(actor: Actor): void;
    run(type: string, input: unknown, caseId?: string): Promise<CommandOutcome>;
}
/** The two agencies share one clock (the test moves it), nothing else. */
export interface HandoverWorld {
    readonly clock: FixedClock;
    readonly kim: Agency;
    readonly jobcenter: Agency;
    /** The case at the municipality (KIM): the Rahimi family before the Rechtskreiswechsel. */
    readonly caseId: string;
    readonly consentId: string;
}
/** The categories Herr Rahimi consents to pass to the Jobcenter (not health; DP-07, DP-10). */
export declare const CONSENTED: readonly ["identity", "household", "residenceStatus", "education", "employment", "goals", "helpPlan", "measures"];
/**
 * The Haddad-like case on the municipality's store: the Rahimi family (residence permit under § 25b
 * AufenthG just granted, the father's back pain in the health domain, the son's school problems as
 * third-party data, the daughter a household member), stopped before the in-journal warm handover;
 * then Herr Rahimi consents to pass everything but health to the Jobcenter.
 */
export declare function handoverWorld(): Promise<HandoverWorld>;
/** The Jobcenter as a recipient of a transfer. */
export declare const JOBCENTER_RECIPIENT: {
    readonly agencyId: "jobcenter-musterstadt";
    readonly name: "Jobcenter Musterstadt";
    readonly kind: "statutoryAgency";
};
/** Builds the package of the world's case for the Jobcenter, as the KIM case manager (fails the test if refused). */
export declare function builtPackage(world: HandoverWorld): Promise<BuiltHandoverPackage>;
