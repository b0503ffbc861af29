import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { isRedactionMarker } from '@fallkit/core';
import { bind } from '../base/field-binding.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { SPECIAL_CATEGORY_DOMAINS } from '../shared/assessment-standard.js';
import { markerCategory } from '../shared/view-redactions.js';
import { compareDomain, droppedDomains, type DomainTextField } from './assessment-compare.js';
import type { AssessmentDomainValue } from './assessment-form.schema.js';
import { redactedField, type AssessmentFormView } from './assessment-form.view.js';
import { domainPicker } from './domain-picker.view.js';

const TEXT_FIELD_ROWS: Readonly<Record<DomainTextField, number>> = {
  resources: 3,
  problems: 3,
  personView: 3,
  caseManagerView: 3,
  agreedInterpretation: 2,
  dissent: 2,
};

/** The life domains: the opened ones, the withheld ones, those dropped since the last version, the picker. */
export function domainsSection(v: AssessmentFormView) {
  const t = v.t;
  const hidden = Object.entries(v.redactions).filter(([k]) => k.startsWith('domain:') || k.startsWith('assessment:'));
  const dropped = v.previous
    ? droppedDomains(
        v.domains,
        v.previous.domains.filter((d) => !isRedactionMarker(d)),
      )
    : [];
  return html`<section class="domains" part="domains" aria-labelledby="domains-heading" ?hidden=${v.narrative}>
    <div class="section-head">
      <div>
        <h3 id="domains-heading" tabindex="-1">${t.t('assessment.domains')}</h3>
        ${v.editable ? html`<p class="fk-hint">${t.t('assessment.domainsHint')}</p>` : nothing}
      </div>
    </div>
    <div class="domain-list">
      ${repeat(
        v.domains,
        (d) => d.domainId,
        (d, i) => domainView(v, d, i),
      )}
      ${hidden.map(
        ([key, marker]) =>
          html`<fk-redacted
            label=${key.startsWith('domain:') ? v.label(key.slice(7)) : t.t('assessment.title')}
            category=${markerCategory(marker) ?? SPECIAL_CATEGORY_DOMAINS[key.slice(7)] ?? nothing}
            .marker=${marker}
          ></fk-redacted>`,
      )}
      ${
        dropped.length
          ? html`<p class="compare">
              ${t.t('assessment.compare.dropped', { domains: t.list(dropped.map((id) => v.label(id))) })}
            </p>`
          : nothing
      }
    </div>
    ${domainPicker(v)}
  </section>`;
}

function textField(v: AssessmentFormView, index: number, field: DomainTextField) {
  const path = `domains.${index}.${field}`;
  const t = v.t;
  const label = t.t(`assessment.${field}`);
  if (v.redactions[path]) return redactedField(v, path, label, v.domains[index]?.categories?.[0]);
  const hint =
    field === 'agreedInterpretation'
      ? t.t('assessment.agreedHint')
      : field === 'dissent'
        ? t.t('assessment.dissentHint')
        : undefined;
  return html`<fk-textarea
    label=${label}
    hint=${hint ?? nothing}
    rows=${TEXT_FIELD_ROWS[field]}
    ${bind(v.field(['domains', index, field]))}
  ></fk-textarea>`;
}

function ratingText(v: AssessmentFormView, value: string | number): string {
  const step = v.standard.ratingScale.values.find((s) => s.value === value);
  return step ? `${value} – ${step.label[v.t.lang]}` : String(value);
}

function ratingField(v: AssessmentFormView, index: number) {
  const scale = v.standard.ratingScale;
  const t = v.t;
  const domain = v.domains[index];
  const label = t.t('assessment.rating', { scale: scale.label[t.lang] });
  const path = `domains.${index}.rating`;
  if (v.redactions[path]) return redactedField(v, path, label);
  const numbers = scale.values.map((s) => s.value);
  const steps = numbers.every((n): n is number => typeof n === 'number' && Number.isInteger(n)) ? numbers : undefined;
  const consecutive = steps !== undefined && steps.every((n, i) => i === 0 || n === steps[i - 1]! + 1);
  // Bound by hand, not with bind(): the rating is stored with its scale, and a read-only form shows
  // the choice read-only (with its marker).
  if (consecutive) {
    return html`<fk-rating
      data-path=${path}
      label=${label}
      min=${steps[0]!}
      max=${steps[steps.length - 1]!}
      .stepLabels=${scale.values.map((s) => s.label[t.lang])}
      .value=${typeof domain?.rating?.value === 'number' ? domain.rating.value : null}
      .error=${v.errorAt(path, true)}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @change=${(e: FkFieldChangeEvent<number | null>) => v.setRating(index, e.value)}
    ></fk-rating>`;
  }
  return html`<fk-radio-group
    data-path=${path}
    .error=${v.errorAt(path)}
    label=${label}
    inline
    .options=${scale.values.map((s) => ({ value: String(s.value), label: s.label[t.lang] }))}
    .value=${domain?.rating ? String(domain.rating.value) : ''}
    ?disabled=${v.disabled}
    ?readonly=${v.readonly}
    @change=${(e: FkFieldChangeEvent<string>) => v.setRating(index, e.value)}
  ></fk-radio-group>`;
}

function compareLine(v: AssessmentFormView, domain: AssessmentDomainValue) {
  const previous = v.previous;
  if (!previous) return nothing;
  const t = v.t;
  const found = previous.domains.find((d) => !isRedactionMarker(d) && d.domainId === domain.domainId);
  const before = found && !isRedactionMarker(found) ? found : undefined;
  const change = compareDomain(domain, before);
  let text: string;
  if (change.kind === 'new') text = t.t('assessment.compare.new');
  else if (change.kind === 'same') text = t.t('assessment.compare.same');
  else {
    const fields = change.fields.map((f) => t.t(`assessment.field.${f}`));
    if (change.rating) {
      const show = (value: string | number | undefined) => (value === undefined ? '–' : String(value));
      fields.push(t.t('assessment.compare.rating', { from: show(change.rating.from), to: show(change.rating.to) }));
    }
    text = t.t('assessment.compare.changed', { fields: t.list(fields) });
  }
  const earlier = change.kind === 'changed' && before ? change.fields.flatMap((f) => earlierText(before[f], f)) : [];
  return html`<p class="compare" part="compare">
      <span class="badge ${change.kind === 'same' ? '' : 'badge--info'}">${text}</span>
      ${t.t('assessment.compare.title', { version: t.number(previous.version), date: t.date(previous.recordedOn) })}
    </p>
    ${
      earlier.length
        ? html`<details class="earlier" part="compare-earlier">
            <summary>${t.t('assessment.compare.earlier', { version: t.number(previous.version) })}</summary>
            <dl>
              ${earlier.map(
                ([f, text]) =>
                  html`<dt>${t.t(`assessment.${f}`)}</dt>
                    <dd>${text}</dd>`,
              )}
            </dl>
          </details>`
        : nothing
    }`;
}

/** The earlier text of a changed field, when it had one. */
function earlierText(text: unknown, field: DomainTextField): [DomainTextField, string][] {
  return typeof text === 'string' && text.trim() ? [[field, text]] : [];
}

function domainView(v: AssessmentFormView, domain: AssessmentDomainValue, index: number) {
  const t = v.t;
  const name = v.label(domain.domainId);
  const headingId = `domain-${domain.domainId}`;
  return html`<section class="section domain" part="domain" aria-labelledby=${headingId} data-domain=${domain.domainId}>
    <div class="section-head">
      <h4 id=${headingId}>
        ${name}
        ${
          domain.rating
            ? html`<span class="badge ${Number(domain.rating.value) >= 4 ? 'badge--warn' : ''}"
                >${ratingText(v, domain.rating.value)}</span
              >`
            : nothing
        }
      </h4>
      ${
        v.editable
          ? html`<button
              type="button"
              class="fk-button fk-button--small"
              aria-label=${t.t('assessment.removeDomain', { domain: name })}
              @click=${() => v.removeDomain(index)}
            >
              ${t.t('assessment.remove')}
            </button>`
          : nothing
      }
    </div>
    ${compareLine(v, domain)}
    <div class="pair">${textField(v, index, 'resources')} ${textField(v, index, 'problems')}</div>
    <div class="pair">${textField(v, index, 'personView')} ${textField(v, index, 'caseManagerView')}</div>
    <div class="pair">${textField(v, index, 'agreedInterpretation')} ${textField(v, index, 'dissent')}</div>
    ${ratingField(v, index)}
  </section>`;
}
