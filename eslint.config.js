// Lint for the whole project; stricter rules where code runs on the audio thread or in the core.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Inside an AudioWorkletProcessor's process(): what would allocate or block, and what to use instead. */
const inProcess = "MethodDefinition[key.name='process']";
const audioThreadRules = [
  { selector: `${inProcess} NewExpression`, message: 'process() runs on the audio thread: allocate buffers in the constructor and reuse them.' },
  { selector: `${inProcess} ArrayExpression`, message: 'process() runs on the audio thread: no array literals; reuse a preallocated typed array.' },
  { selector: `${inProcess} ObjectExpression`, message: 'process() runs on the audio thread: no object literals; reuse a preallocated object.' },
  { selector: `${inProcess} > FunctionExpression :matches(ArrowFunctionExpression, FunctionExpression)`, message: 'process() runs on the audio thread: no closures; use a method.' },
  { selector: `${inProcess} SpreadElement`, message: 'process() runs on the audio thread: spreading allocates; index the arrays.' },
  { selector: `${inProcess} TemplateLiteral`, message: 'process() runs on the audio thread: building strings allocates.' },
  { selector: "CallExpression[callee.object.name='console']", message: 'No logging on the audio thread or in the DSP core: report through the output buffers or the port.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['worklets/**/*.ts', 'src/dsp/**/*.ts'],
    languageOptions: { globals: { ...globals.audioWorklet } },
    rules: {
      'no-restricted-syntax': ['error', ...audioThreadRules],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'The DSP core and worklets have no DOM.' },
        { name: 'document', message: 'The DSP core and worklets have no DOM.' },
        { name: 'navigator', message: 'The DSP core and worklets have no DOM.' },
      ],
    },
  },
);
