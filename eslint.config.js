import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import globals from 'globals'

const noCrossProcessImports = (patterns) => ['error', { patterns }]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Type-aware: a promise is awaited, returned or explicitly voided, never dropped or passed
    // where a callback's result is ignored.
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['electron/**/*.ts', 'test/**/*.{ts,mjs}', '*.config.ts', '*.config.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // In tests a failed `!` is a failed test, which is what it should be.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Playwright fixtures with no dependencies are declared with `{}`.
      'no-empty-pattern': 'off',
    },
  },
  {
    // The web bridge's preload stand-in and the bench's peer page run in the page, not in Node.
    files: ['test/bridge/preload-stand-in.js', 'test/bench/peer/*.mjs'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // A scrollable region (a table wider than the drawer, virtual rows) is focusable so a
      // keyboard can scroll it (axe: scrollable-region-focusable); it is named by aria-label.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['region', 'rowgroup'] }],
      // Dialogs move focus to their first field when they open (the WAI-ARIA dialog pattern).
      'jsx-a11y/no-autofocus': 'off',
      // Option labels nest their text a level deeper (label › span › span).
      'jsx-a11y/label-has-associated-control': ['error', { depth: 3 }],
      // The renderer is a sandboxed page: no Node, no Electron, no main-process code.
      'no-restricted-imports': noCrossProcessImports([
        {
          group: ['electron', 'node:*', 'fs', 'path', 'child_process'],
          message: 'The renderer has no Node: go through window.partnerDesk.',
        },
        { group: ['**/electron/**'], message: 'The renderer may not import main or preload code.' },
      ]),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': noCrossProcessImports([
        { group: ['electron', 'node:*'], message: 'shared/ runs in main, preload and renderer.' },
        {
          group: ['**/electron/**', '**/renderer/**'],
          message: 'shared/ depends on nothing above it.',
        },
      ]),
    },
  },
  {
    // Every folder of electron/main but adapters/: the services by domain (their layers are
    // checked by test/unit/main/layering.test.ts) and ipc/.
    files: ['electron/main/*/**/*.ts', 'electron/sandbox/**/*.ts'],
    ignores: ['electron/main/adapters/**'],
    rules: {
      'no-restricted-imports': noCrossProcessImports([
        {
          group: ['electron', '**/adapters/**'],
          message: 'Services take Electron through ports; only adapters import electron.',
        },
        { group: ['**/renderer/**'], message: 'Main may not import renderer code.' },
      ]),
    },
  },
)
