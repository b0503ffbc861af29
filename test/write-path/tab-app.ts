/*
 * One "tab" of the write-path browser tests: the real core over the real Dexie store, glued to the
 * components by connectCaseService, as a host page would build it. Loaded into an iframe by
 * two-tabs.test.ts (each iframe is its own JavaScript realm with its own IndexedDB connection, like a
 * second tab), and into the test page itself by partial-save.test.ts.
 */
import { createCaseService, createCaseViews, FixedClock, randomIds, type Actor, type CaseService } from '@fallkit/core';
import { openDexieCaseStore, type DexieCaseStore } from '@fallkit/store-dexie';
import { connectCaseService } from '../../packages/components/src/context/core-port.js';
import type { FkCaseProvider } from '../../packages/components/src/context/case-provider.component.js';
import '../../packages/components/src/define/fk-case-provider.js';
import '../../packages/components/src/define/fk-goal-agreement.js';
import '../../packages/components/src/define/fk-help-plan.js';
import '../../packages/components/src/define/fk-monitoring.js';

/** What a tab is built from. */
export interface TabOptions {
  readonly databaseName: string;
  readonly caseId: string;
  readonly actor: Actor;
  /** The instant the tab's clock stands at. */
  readonly now: string;
  /** The elements to mount inside the provider (`fk-goal-agreement`, …). */
  readonly tags: readonly string[];
  /** Attributes for the elements (e.g. `today` of fk-monitoring). */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** A mounted tab: its store connection, its case service and its elements. */
export interface Tab {
  readonly store: DexieCaseStore;
  readonly service: CaseService;
  readonly provider: FkCaseProvider;
  readonly elements: readonly HTMLElement[];
  close(): void;
}

/** Opens the store, builds service, views and the connected port, and mounts the elements in `doc`. */
export async function mountTab(doc: Document, options: TabOptions): Promise<Tab> {
  const opened = await openDexieCaseStore({ name: options.databaseName, encryption: 'off' });
  if (!opened.ok) throw new Error(`store refused: ${JSON.stringify(opened.errors)}`);
  const store = opened.value;
  const clock = new FixedClock(options.now);
  // Ids unique across tabs and reloads: SequentialIds would hand both tabs `event-1`.
  const service = createCaseService({ store, clock, ids: randomIds, actor: options.actor });
  const views = createCaseViews({ service, store, clock, ids: randomIds });
  const provider = doc.createElement('fk-case-provider') as FkCaseProvider;
  provider.service = connectCaseService({ service, views, clock });
  provider.setAttribute('case-id', options.caseId);
  provider.setAttribute('lang', 'de');
  const elements = options.tags.map((tag) => {
    const el = doc.createElement(tag);
    for (const [name, value] of Object.entries(options.attributes ?? {})) el.setAttribute(name, value);
    provider.append(el);
    return el;
  });
  doc.body.append(provider);
  return {
    store,
    service,
    provider,
    elements,
    close() {
      provider.remove();
      store.close();
    },
  };
}
