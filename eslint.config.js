import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'artifacts/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain Node scripts that run before dependencies are installed (not type-checked).
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Apps Script's local Date methods use the script's time zone, never the spreadsheet's: the
    // add-on works on wall-clock dates through their UTC fields (src/core/wallClock.ts), and unit
    // tests build them so, whatever the machine's zone.
    files: ['src/**/*.ts', 'tests/unit/**/*.ts', 'tests/fixtures/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...[
          'getFullYear',
          'getMonth',
          'getDate',
          'getDay',
          'getHours',
          'getMinutes',
          'getSeconds',
          'getTimezoneOffset',
          'setFullYear',
          'setMonth',
          'setDate',
          'setHours',
          'setMinutes',
          'setSeconds',
          'toLocaleDateString',
          'toLocaleTimeString',
          'toDateString',
        ].map((property) => ({
          property,
          message:
            'Local time is the script zone: use the UTC fields of a wall-clock date (src/core/wallClock.ts).',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length>1]",
          message:
            'new Date(y, m, d) is local time in the script zone: use Date.UTC for wall-clock dates (src/core/wallClock.ts).',
        },
      ],
    },
  },
);
