import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'coverage', 'artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // The pure core runs in browsers too: no Node built-ins, no process, no clock outside today.ts.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts', 'src/core/testing/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/core is pure: no Node built-ins' }],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname'],
    },
  },
  {
    // The web app runs in browsers: browser globals, the rules of hooks, nothing from Node, and from the
    // server only types and the zod schemas made to be shared (they have no server-only imports).
    files: ['src/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname', 'require'],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/web runs in browsers: no Node built-ins' },
            {
              regex:
                '(^|/)server/(?!(activities/activity-schemas|certificants/person-schemas|providers/provider-schemas|providers/provider-kinds|accounts/account-schemas)$)',
              allowTypeImports: true,
              message: 'src/web may import types from src/server, and values only from the shared schema files',
            },
          ],
        },
      ],
    },
  },
);
