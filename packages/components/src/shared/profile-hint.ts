import { css, html, nothing } from 'lit';
import {
  createStandardRegistry,
  sourceLabel,
  text,
  type CaseState,
  type PlanContentSource,
  type PlanObligation,
  type ProcessStandard,
} from '@fallkit/core';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { MessageDictionary } from '../i18n/message-catalog.js';
import { token } from '../theme/tokens.js';

/**
 * The "together" mode shared by the goal agreement, the help plan and the plan form: a shared screen
 * with the person, so large type and more room.
 */
export const togetherStyles = css`
  :host([together]) {
    font-size: 1.3rem;
  }
  :host([together]) .form {
    gap: ${token('space-xl')};
  }
  .profile-hint {
    margin: 0;
    padding: ${token('space-s')} ${token('space-m')};
    border-inline-start: 0.25rem solid ${token('color-border')};
    background: ${token('color-surface-raised')};
  }
  .profile-hint ul {
    margin: ${token('space-3xs')} 0 0;
    padding-inline-start: ${token('space-l')};
  }
`;

/** The case's own process standard from the registry, by the id and version the case recorded. */
export function standardOfView(view: CaseState, known?: ProcessStandard): ProcessStandard | undefined {
  return createStandardRegistry(known ? [known] : []).get(view.processStandard);
}

const OBLIGATION: Record<PlanObligation, { de: string; en: string }> = {
  must: text('Pflicht', 'required'),
  should: text('soll', 'should'),
  may: text('kann', 'may'),
};

/**
 * What the case's legal profile asks of this stage, named with the provision: under the SGB II
 * profile the goal agreement shows "Kooperationsplan (§ 15 Abs. 2 SGB II): Eingliederungsziel,
 * Pflicht (§ 15 Abs. 2 Satz 1 SGB II)". Nothing under a standard without a plan document.
 */
export function renderProfileHint<M extends MessageDictionary>(
  t: LocalizeController<M>,
  standard: ProcessStandard | undefined,
  from: PlanContentSource,
  together: boolean,
) {
  const plan = standard?.plan;
  const items = (plan?.items ?? []).filter((i) => i.from === from);
  if (plan === undefined || items.length === 0) return nothing;
  const title = t.text(plan.title);
  return html`<aside class="profile-hint" part="profile" aria-label=${title}>
    <strong
      >${together ? t.text(text(`Das kommt in Ihren ${plan.title.de}:`, `This goes into your ${plan.title.en}:`)) : html`${title} (${t.text(sourceLabel(plan.source))})`}</strong
    >
    <ul>
      ${items.map(
        (item) =>
          html`<li>
            ${t.text(together && item.plainLabel ? item.plainLabel : item.label)}
            ${together ? nothing : html`– ${t.text(OBLIGATION[item.obligation])} (${t.text(sourceLabel(item.source))})`}
          </li>`,
      )}
    </ul>
  </aside>`;
}
