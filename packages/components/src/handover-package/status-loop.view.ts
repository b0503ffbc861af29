import { html, nothing } from 'lit';
import type { CaseHandoverStatus, HandoverLoop } from '@fallkit/core';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { handoverPackageMessages } from './handover-package.messages.js';

type Texts = LocalizeController<(typeof handoverPackageMessages)['de']>;

/** The packages this case sent to the recipient, newest last, as the core's decided channel gives them. */
function sentTo(status: CaseHandoverStatus, recipientAgencyId: string): HandoverLoop[] {
  return status.loops.filter(
    (loop) => loop.side === 'sent' && loop.steps.some((step) => step.counterpart.agencyId === recipientAgencyId),
  );
}

/**
 * The status loop of earlier packages to the same recipient (issue 16: requested, received, accepted,
 * declined, withdrawn), from `views.handoverStatus`: each step with its date and, where the core let it
 * through, the other agency's note. Nothing when none was sent.
 */
export function statusLoopView(t: Texts, status: CaseHandoverStatus | undefined, recipientAgencyId: string) {
  if (status === undefined) return nothing;
  const loops = sentTo(status, recipientAgencyId);
  if (loops.length === 0) return nothing;
  return html`<section part="status-loop" aria-labelledby="status-loop-title">
    <h3 id="status-loop-title">${t.t('package.loopTitle')}</h3>
    <ol>
      ${loops.map(
        (loop) =>
          html`<li>
            <strong>${t.t(`package.status.${loop.status ?? 'requested'}`)}</strong>
            <ul>
              ${loop.steps.map(
                (step) =>
                  html`<li>
                    ${t.t(`package.status.${step.status}`)},
                    ${t.date(step.at)}${step.note === undefined ? nothing : html`: <q>${step.note}</q>`}
                  </li>`,
              )}
            </ul>
          </li>`,
      )}
    </ol>
  </section>`;
}
