import { ContextConsumer, ContextProvider, createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * One agency or provider of the host's directory: who a case manager refers to, hands over to or
 * names in a consent. The `agencyId` is the same id the core's consents, transfers and access
 * decisions use; users never type it, they choose the name.
 */
export interface DirectoryEntry {
  readonly agencyId: string;
  /** The name as users know it ("Jobcenter Musterstadt"). */
  readonly name: string;
  /** `agency`: a public body that can lead a case or receive a handover; `provider`: a service people are referred to. */
  readonly kind: 'agency' | 'provider';
  /** A contact person, offered as the referral's contact. */
  readonly contactPerson?: string;
  /** Postal address, for letters and prints. */
  readonly address?: string;
  /** What the provider offers, in plain words (shown with the name). */
  readonly offers?: string;
}

/** The directory a host configures: agencies and providers, by id. */
export type Directory = readonly DirectoryEntry[];

/** The context the directory travels in (`<fk-directory>` provides it, the forms consume it). */
export const directoryContext = createContext<Directory | undefined>(Symbol.for('fallkit.directory'));

/** Gives a subtree the host's directory (used by `<fk-directory>`; a host element may use it too). */
export class DirectoryProvider {
  private readonly provider: ContextProvider<typeof directoryContext>;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.provider = new ContextProvider(host, { context: directoryContext, initialValue: undefined });
  }

  set entries(entries: Directory | undefined) {
    this.provider.setValue(entries);
  }
}

/**
 * Reads the directory of the nearest `<fk-directory>` (or none): `entries` is empty without one, so
 * a form then falls back to typing a name.
 */
export class DirectoryController implements ReactiveController {
  private current: Directory = [];

  constructor(host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    new ContextConsumer(host, {
      context: directoryContext,
      subscribe: true,
      callback: (value) => {
        this.current = value ?? [];
        host.requestUpdate();
      },
    });
  }

  hostConnected(): void {}

  /** Every entry, sorted by name. */
  get entries(): Directory {
    return [...this.current].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  }

  /** The entries of one kind, sorted by name. */
  of(kind: DirectoryEntry['kind']): Directory {
    return this.entries.filter((e) => e.kind === kind);
  }

  /** The entry with this id, if the directory has it. */
  find(agencyId: string | undefined): DirectoryEntry | undefined {
    return agencyId === undefined ? undefined : this.current.find((e) => e.agencyId === agencyId);
  }
}
