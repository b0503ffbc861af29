#!/usr/bin/env node
/**
 * Creates a new Fallkit form element in the shape every element has (docs/components.md, "The shape of
 * an element"): `<name>.component.ts` (class, properties, one render() of view functions),
 * `<name>.styles.ts`, `<name>.messages.ts` (German and English), one `*.view.ts` per section,
 * the define file, a test and a story.
 *
 *   node scripts/new-element.mjs <name> [section ...]      e.g. node scripts/new-element.mjs home-visits visits
 *
 * `<name>` is kebab-case without `fk-`; the sections default to one called `entries`. Refuses to
 * overwrite anything. Afterwards: add a ceiling for `define/fk-<name>.ts` in
 * packages/core/test/size/gated-entries.ts, export the element from packages/components/src/index.ts,
 * and regenerate the custom elements manifest (the script prints the commands).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...sectionArgs] = process.argv.slice(2);

if (!name || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name) || name.startsWith('fk-')) {
  console.error('usage: node scripts/new-element.mjs <kebab-name without fk-> [section ...]');
  process.exit(2);
}
const sections = sectionArgs.length > 0 ? sectionArgs : ['entries'];
for (const section of sections) {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(section)) {
    console.error(`section names are kebab-case: ${section}`);
    process.exit(2);
  }
}

const pascal = (s) => s.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
const camel = (s) => pascal(s).replace(/^./, (c) => c.toLowerCase());
const Name = pascal(name);
const tag = `fk-${name}`;
const cls = `Fk${Name}`;
const messages = `${camel(name)}Messages`;
const styles = `${camel(name)}Styles`;
const src = join(root, 'packages/components/src');

/** @type {Record<string, string>} */
const files = {};

files[join(src, name, `${name}.messages.ts`)] = `import { defineMessages } from '../i18n/message-catalog.js';

/** Texts of \`<${tag}>\`. German is the reference; English is complete; hosts override any key. */
export const ${messages} = defineMessages({
  de: {
    '${name}.title': '${Name}',
    '${name}.save': 'Speichern',
${sections.map((s) => `    '${name}.${s}.title': '${pascal(s)}',\n    '${name}.${s}.note': 'Notiz',`).join('\n')}
  },
  en: {
    '${name}.title': '${Name}',
    '${name}.save': 'Save',
${sections.map((s) => `    '${name}.${s}.title': '${pascal(s)}',\n    '${name}.${s}.note': 'Note',`).join('\n')}
  },
});
`;

files[join(src, name, `${name}.styles.ts`)] = `import { css } from 'lit';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { formLayoutStyles } from '../shared/form-layout.styles.js';

/** Styles of \`<${tag}>\`: the shared form layout and what is its own. */
export const ${styles} = [
  sharedStyles,
  formLayoutStyles,
  css\`
    .section + .section {
      margin-block-start: \${token('space-m')};
    }
  \`,
];
`;

files[join(src, name, `${name}.view.ts`)] =
  `import type { FieldBinding, FieldPath, ValueAt } from '../base/field-binding.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { ${messages} } from './${name}.messages.js';
import type { ${Name}Value } from './${name}.component.js';

/** What the section views of \`<${tag}>\` read and may do; the element builds it once per render. */
export interface ${Name}View {
  readonly t: LocalizeController<typeof ${messages}.de>;
  /** Read-only or disabled. */
  readonly locked: boolean;
  /** The binding of one field (see \`FkFormElement.fieldAt\`). */
  field<const P extends FieldPath<${Name}Value>>(
    path: P,
    options?: { readonly optional?: boolean },
  ): FieldBinding<ValueAt<${Name}Value, P>>;
}
`;

for (const section of sections) {
  files[join(src, name, `${section}.view.ts`)] = `import { html } from 'lit';
import { bind } from '../base/field-binding.js';
import type { ${Name}View } from './${name}.view.js';

/** The "${section}" section of \`<${tag}>\`. */
export function ${camel(section)}Section(v: ${Name}View) {
  const t = v.t;
  return html\`<section class="section" part="${section}" aria-labelledby="${section}-title">
    <h3 id="${section}-title">\${t.t('${name}.${section}.title')}</h3>
    <fk-textarea label=\${t.t('${name}.${section}.note')} rows="3" \${bind(v.field(['${camel(section)}Note']))}></fk-textarea>
  </section>\`;
}
`;
}

files[join(src, name, `${name}.component.ts`)] = `import { html, nothing } from 'lit';
import { FkFormElement } from '../base/form-element.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { ${messages} } from './${name}.messages.js';
import { ${styles} } from './${name}.styles.js';
import type { ${Name}View } from './${name}.view.js';
${sections.map((s) => `import { ${camel(s)}Section } from './${s}.view.js';`).join('\n')}

/** The value of \`<${tag}>\`. */
export interface ${Name}Value {
${sections.map((s) => `  ${camel(s)}Note?: string;`).join('\n')}
}

/**
 * TODO(${tag}): say what the element is for, in the domain's words (which stage, which commands).
 *
 * @tagname ${tag}
 * @summary TODO: one line.
 *
 * @event change - The user changed the value. \`detail: { value, valid }\`.
 * @event fk-submit - Valid data to save. Cancelable.
 * @event fk-saved - Connected save succeeded.
 * @event fk-refused - Connected save refused; the typed text stays.
 *
 * @csspart form - The form.
${sections.map((s) => ` * @csspart ${s} - The ${s} section.`).join('\n')}
 * @csspart actions - The save bar.
 * @csspart submit - The save button.
 * @csspart saved - The confirmation of a stored save.
 * @csspart status - The live region.
 *
 * @cssstate user-invalid - Invalid after interaction.
 * @cssstate dirty - Unsaved changes.
 */
export class ${cls} extends FkFormElement<${Name}Value> {
  static override catalog = ${messages};
  static override styles = ${styles};

  declare protected readonly i18n: LocalizeController<typeof ${messages}.de>;

  private get locked(): boolean {
    return this.readonly || this.isDisabled;
  }

  /** What the section views read and may do. */
  private view(): ${Name}View {
    return { t: this.i18n, locked: this.locked, field: (path, options) => this.fieldAt(path, options) };
  }

  override render() {
    const t = this.i18n;
    const view = this.view();
    return html\`<div class="form" part="form">
      <h2>\${t.t('${name}.title')}</h2>
      \${this.renderRefusals()} ${sections.map((s) => `\${${camel(s)}Section(view)}`).join(' ')}
      \${this.locked ? nothing : this.renderSubmitActions(t.t('${name}.save'))} \${this.renderStatus()}
    </div>\`;
  }
}
`;

files[join(src, 'define', `${tag}.ts`)] = `import './foundation.js';
import { ${cls} } from '../${name}/${name}.component.js';
import { defineElement } from './define-element.js';

defineElement('${tag}', ${cls});

declare global {
  interface HTMLElementTagNameMap {
    '${tag}': ${cls};
  }
}
`;

files[join(root, 'packages/components/test', name, `${name}.test.ts`)] =
  `import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/${tag}.js';
import type { ${cls} } from '../../src/${name}/${name}.component.js';

describe('<${tag}>', () => {
  it('renders every section, accessible', async () => {
    const el = await fixture<${cls}>(html\`<${tag}></${tag}>\`);
${sections.map((s) => `    expect(el.shadowRoot!.querySelector('[part~="${s}"]')).to.exist;`).join('\n')}
    await expect(el).to.be.accessible();
  });

  it('an edit through a bound field changes the value', async () => {
    const el = await fixture<${cls}>(html\`<${tag}></${tag}>\`);
    const field = el.shadowRoot!.querySelector('[data-path="${camel(sections[0])}Note"]')!;
    const area = field.shadowRoot!.querySelector('textarea')!;
    area.value = 'Notiz';
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.value.${camel(sections[0])}Note).to.equal('Notiz');
  });
});
`;

files[join(root, 'stories', `${name}.stories.ts`)] =
  `import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@fallkit/components/define/${tag}';

/** \`<${tag}>\`. */
const meta: Meta = {
  title: 'Formulare/${Name} (${tag})',
  component: '${tag}',
  parameters: { layout: 'padded' },
};
export default meta;

export const Empty: StoryObj = {
  render: () => html\`<div lang="de" style="max-inline-size:48rem"><${tag}></${tag}></div>\`,
};

export const English: StoryObj = {
  render: () => html\`<div lang="en" style="max-inline-size:48rem"><${tag}></${tag}></div>\`,
};
`;

const existing = Object.keys(files).filter((f) => existsSync(f));
if (existing.length > 0) {
  console.error(`new-element: refusing to overwrite:\n  ${existing.map((f) => relative(root, f)).join('\n  ')}`);
  process.exit(1);
}
for (const [file, text] of Object.entries(files)) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`created ${relative(root, file)}`);
}
console.log(`
Next:
  1. Fill in the TODOs of ${relative(root, join(src, name, `${name}.component.ts`))} (summary, value, schema, commands).
  2. Add a size ceiling for 'define/${tag}.ts' in packages/core/test/size/gated-entries.ts.
  3. Export it: export * from './${name}/${name}.component.js'; in packages/components/src/index.ts.
  4. (cd packages/components && npx cem analyze --config custom-elements-manifest.config.mjs)
  5. npx web-test-runner "packages/components/test/${name}/*.test.ts" --concurrency 1`);
