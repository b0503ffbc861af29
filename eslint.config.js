// @ts-check
/**
 * ESLint flat config. typescript-eslint's recommended rules without type information (a type-aware run would
 * double the time of `npm test` on 2 cores; `tsc -b` already checks types), plus the lit and
 * web-components rules where elements are written and shown.
 */
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'storybook-static/**',
      'coverage/**',
      'bench/results/**',
      '.tmp/**',
      // Host apps of the embedding test: type-checked by their own tsconfig against their own installs.
      'test/hosts/*/src/shared/**',
      'test/hosts/*/.angular/**',
      'test/hosts/*/out-tsc/**',
      '**/custom-elements.json',
    ],
  },
  // Directives in other engineers' files may outlive the rule they silence; that is not worth a failed run.
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(describe|it)$/][callee.property.name='only']",
          message: 'No .only in committed tests.',
        },
      ],
    },
  },
  {
    // Tests: chai's `expect(x).to.be.true` style is an expression statement.
    files: ['**/test/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['packages/components/**/*.ts', 'stories/**/*.ts', 'packages/demo/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/components/**/*.ts', 'stories/**/*.ts', 'packages/demo/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    // Scripts and configs run in Node.
    files: ['**/*.{js,mjs,cjs}', 'scripts/**', 'bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['.storybook/**', 'bench/browser/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
