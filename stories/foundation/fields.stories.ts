import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@fallkit/components/define/foundation';

/** The internal controls every Fallkit form is built from: label, hint and error in one shadow root. */
const meta: Meta = {
  title: 'Foundation/Felder (fields)',
  parameters: { layout: 'padded' },
};
export default meta;

const domains = [
  { value: 'wohnen', label: 'Wohnen' },
  { value: 'arbeit', label: 'Arbeit und Beschäftigung', description: 'Erwerbstätigkeit, Ausbildung, Qualifizierung' },
  { value: 'gesundheit', label: 'Gesundheit' },
  { value: 'finanzen', label: 'Finanzen', description: 'Einkommen, Leistungen, Schulden' },
];

// German first: the stories set lang themselves (Storybook's preview page says lang="en").
const stack = (content: unknown, lang = 'de') =>
  html`<div lang=${lang} style="display:grid;gap:1.25rem;max-inline-size:36rem">${content}</div>`;

/** Every control, empty. */
export const Leer: StoryObj = {
  name: 'Leer (empty)',
  render: () =>
    stack(html`
      <fk-text-field label="Name, wie die Person genannt werden möchte" required></fk-text-field>
      <fk-textarea
        label="Anliegen in eigenen Worten"
        hint="Erst frei erzählen lassen, danach strukturieren."
        maxlength="2000"
      ></fk-textarea>
      <fk-select label="Lebensbereich" .options=${domains}></fk-select>
      <fk-date-field label="Seit wann"></fk-date-field>
      <fk-checkbox-group label="Betroffene Lebensbereiche" .options=${domains}></fk-checkbox-group>
      <fk-radio-group
        label="Mitwirkung"
        inline
        .options=${[
          { value: 'bereit', label: 'bereit und fähig' },
          { value: 'bereit-nicht-faehig', label: 'bereit, aber (noch) nicht fähig' },
          { value: 'nicht-bereit', label: 'nicht bereit' },
        ]}
      ></fk-radio-group>
      <fk-rating
        label="Einschätzung Wohnen"
        .stepLabels=${['sehr belastet', 'belastet', 'teils', 'stabil', 'sehr stabil']}
      ></fk-rating>
      <fk-checkbox label="Mit der Person besprochen und bestätigt"></fk-checkbox>
    `),
};

/** Errors and warnings as forms show them after a submit attempt. */
export const MitFehlern: StoryObj = {
  name: 'Mit Fehlern (with errors)',
  render: () =>
    stack(html`
      <fk-text-field label="Name" required error="Bitte füllen Sie dieses Feld aus."></fk-text-field>
      <fk-textarea
        label="Notiz"
        value="Frau K. berichtet von Schlafstörungen seit dem Jobverlust."
        warning="Der Text enthält vermutlich Gesundheitsdaten (DP-03). Nur mit Einwilligung speichern."
      ></fk-textarea>
      <fk-date-field
        label="Zieltermin"
        value="2020-01-01"
        error="Das Datum darf nicht vor dem 23.11.2026 liegen."
      ></fk-date-field>
      <fk-checkbox-group
        label="Lebensbereiche"
        .options=${domains}
        error="Bitte wählen Sie eine Möglichkeit."
      ></fk-checkbox-group>
    `),
};

/** Read-only and disabled. */
export const NurLesen: StoryObj = {
  name: 'Nur lesen (read-only)',
  render: () =>
    stack(html`
      <fk-text-field label="Name" value="Aylin K." readonly></fk-text-field>
      <fk-textarea label="Anliegen" value="Wohnung halten, Schulden ordnen." readonly></fk-textarea>
      <fk-select label="Lebensbereich" value="wohnen" .options=${domains} readonly></fk-select>
      <fk-text-field label="Aktenzeichen" value="2026-0042" disabled></fk-text-field>
    `),
};

/** Withheld fields explain themselves (DP-24). */
export const Ausgeblendet: StoryObj = {
  name: 'Ausgeblendet (redacted)',
  render: () =>
    stack(html`
      <fk-redacted label="Gesundheit" reason="REDACT_NO_CONSENT" category="health"></fk-redacted>
      <fk-redacted label="Schulden" reason="REDACT_NEED_TO_KNOW"></fk-redacted>
      <fk-redacted label="Angaben zur Tochter" reason="REDACT_THIRD_PARTY"></fk-redacted>
    `),
};

/** Reordering by keyboard: focus an entry and press Alt + Arrow up/down. */
export const Reihenfolge: StoryObj = {
  name: 'Reihenfolge ändern (reorder list)',
  render: () =>
    stack(
      html`<fk-reorder-list
        label="Maßnahmen in Reihenfolge"
        .items=${[
          { id: 'm1', label: 'Schuldnerberatung (Diakonie)' },
          { id: 'm2', label: 'Integrationskurs B1' },
          { id: 'm3', label: 'Wohnungssuche mit Wohnraumhilfe' },
          { id: 'm4', label: 'Bewerbungstraining' },
        ]}
      ></fk-reorder-list>`,
    ),
};

/** English, with the same controls. */
export const Englisch: StoryObj = {
  name: 'English',
  render: () =>
    stack(
      html`
        <fk-text-field label="Preferred name" required error="Please fill in this field."></fk-text-field>
        <fk-rating label="Housing"></fk-rating>
        <fk-redacted label="Health" reason="REDACT_NO_CONSENT" category="health"></fk-redacted>
      `,
      'en',
    ),
};

/** A host theme: tokens set on a container, nothing else. */
export const EigenesThema: StoryObj = {
  name: 'Eigenes Thema (themed)',
  render: () =>
    html`<div
      style="--fk-color-primary:#2f5d3a;--fk-color-focus:#2f5d3a;--fk-radius-m:0;--fk-color-border:#556b5d;--fk-font-family:Georgia,serif"
    >
      ${stack(html`
        <fk-text-field label="Name" required></fk-text-field>
        <fk-checkbox-group label="Lebensbereiche" .options=${domains}></fk-checkbox-group>
      `)}
    </div>`,
};
