import { ContextConsumer, ContextProvider, createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A postal address as printed: lines, top to bottom. */
export type PostalAddress = readonly string[];

/**
 * What a host configures for printed documents: its letterhead, and the controller and
 * data-protection officer the Art. 13 GDPR information names. Configuration, not case data.
 */
export interface PrintSettings {
  /** The agency's letterhead: its name and address (and a line such as "Fachbereich Soziales"). */
  readonly letterhead: { readonly name: string; readonly unit?: string; readonly address: PostalAddress };
  /** The controller (Verantwortlicher, Art. 4 Nr. 7 GDPR): who decides about the processing. */
  readonly controller: { readonly name: string; readonly address: PostalAddress; readonly email?: string };
  /** The data-protection officer (Art. 37 GDPR): how to reach them. */
  readonly dataProtectionOfficer: { readonly name?: string; readonly email: string; readonly address?: PostalAddress };
  /** The supervisory authority a person may complain to (Art. 13 Abs. 2 lit. d GDPR). */
  readonly supervisoryAuthority?: string;
}

/** The context the print settings travel in (`<fk-print-settings>` provides them). */
export const printSettingsContext = createContext<PrintSettings | undefined>(Symbol.for('fallkit.print-settings'));

/** Gives a subtree the host's print settings. */
export class PrintSettingsProvider {
  private readonly provider: ContextProvider<typeof printSettingsContext>;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.provider = new ContextProvider(host, { context: printSettingsContext, initialValue: undefined });
  }

  set settings(settings: PrintSettings | undefined) {
    this.provider.setValue(settings);
  }
}

/** Reads the print settings of the nearest `<fk-print-settings>`; `undefined` without one. */
export class PrintSettingsController implements ReactiveController {
  settings: PrintSettings | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    new ContextConsumer(host, {
      context: printSettingsContext,
      subscribe: true,
      callback: (value) => {
        this.settings = value;
        host.requestUpdate();
      },
    });
  }

  hostConnected(): void {}
}
