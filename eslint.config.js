// ESLint (flat config) with typescript-eslint, and the layers as import rules:
//   core/       the engine: imports nothing from cli/, extension/ or VS Code, and Node only in NODE_ONLY_CORE.
//   cli/, extension/  adapters: use core only through its public entry points (CORE_ENTRY_POINTS).
// Run: npm run lint (ESLint, then the folder-cycle check of core).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The modules of core that cli/ and extension/ may import. Everything else in core is internal. */
const CORE_ENTRY_POINTS = [
  'core/index.js', // the engine: check, fix, configuration, schema, rules, dates, safe file reading
  'core/preset.js', // the remark-lint preset
  'core/printing.js', // print document, print gate, browser and PDF batches (loaded only to print)
  'core/print-copy.js', // print gate, print HTML and the print copy, without a browser (also in a browser Worker)
  'core/estate.js', // plan summaries, dashboard, site index, CSV
  'core/importing.js', // reading a practice's Word, HTML or text plan (loaded only for import)
  'core/writing.js', // writing files safely (Node only: the CLI's)
];

const VSCODE_MODULES = [
  'vscode',
  'vscode-languageclient',
  'vscode-languageclient/*',
  'vscode-languageserver',
  'vscode-languageserver/*',
  'vscode-languageserver-*',
];

/**
 * The parts of core that may use Node (node: modules, process, Buffer). Everything else in core also
 * runs in a browser Worker (vscode.dev), where it reaches the machine only through core/host/host.ts;
 * the web build fails if its bundle pulls in a Node module anyway (extension/web-bundles.mjs).
 */
const NODE_ONLY_CORE = [
  'core/host/node-*.ts',
  'core/print/**/*.ts',
  'core/io/write-file-atomic.ts',
  'core/io/folders-on-the-way.ts',
  'core/writing.ts',
  'core/import/read-source.ts', // reading Word files (yauzl's zip streams) is for the CLI's import only
  'core/import/docx-package.ts',
];

/** Node's built-in modules, with or without the node: prefix. */
const NODE_BUILTINS = `^(node:.*|${builtinModules.filter((m) => !m.includes('/')).join('|')})(/.*)?$`;

/** core: no VS Code or language-server imports, nothing from cli/ or extension/, and Node only where allowed. */
const coreRules = ({ node }) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: VSCODE_MODULES.filter((m) => !m.includes('*')).map((name) => ({
        name,
        message: 'core has no VS Code or language-server imports: it is shared by the CLI and the editor.',
      })),
      patterns: [
        {
          group: VSCODE_MODULES.filter((m) => m.includes('*')),
          message: 'core has no VS Code or language-server imports.',
        },
        {
          regex: '^(\\.\\./)+(cli|extension)/',
          message: 'core imports nothing from cli/ or extension/: they depend on core, not the other way round.',
        },
        ...(node
          ? []
          : [
              {
                regex: NODE_BUILTINS,
                message:
                  'core also runs in a browser Worker: reach files, paths, hashing, git and the environment through host() (core/host/host.ts), or put Node-only code in a Node-only module (NODE_ONLY_CORE).',
              },
            ]),
      ],
    },
  ],
  'no-restricted-globals': node
    ? 'off'
    : [
        'error',
        { name: 'process', message: 'core also runs in a browser Worker: use host().env() or host().cwd().' },
        {
          name: 'Buffer',
          message: 'core also runs in a browser Worker: use Uint8Array, TextDecoder or core/host/base64.ts.',
        },
      ],
});

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A relative import that reaches core/ anywhere but an entry point. */
const DEEP_CORE_IMPORT = `^(\\.\\./)+core/(?!(${CORE_ENTRY_POINTS.map((p) => escapeRegex(p.slice('core/'.length))).join('|')})$).+`;

const coreOnlyThroughEntryPoints = (level) => ({
  'no-restricted-imports': [
    level,
    {
      patterns: [
        {
          regex: DEEP_CORE_IMPORT,
          message: `Use core through its public entry points (${CORE_ENTRY_POINTS.join(', ')}); export what you need from there.`,
        },
      ],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'extension/schema/**',
      'extension/plans/**',
      'site/**',
      'report/**',
      'out/**',
      'print/**',
      'bench/.*/**',
      '.continuity-cache/**',
      '.tools/**',
      '.vscode-test/**',
      'extension/test/dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        structuredClone: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        AbortController: 'readonly',
        performance: 'readonly',
        queueMicrotask: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        globalThis: 'readonly',
        fetch: 'readonly',
        document: 'readonly',
        window: 'readonly',
        Event: 'readonly',
      },
    },
    rules: {
      // The codebase reads untyped JSON (schemas, YAML, ajv params) in a few well-guarded places.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Tests look for control characters in output on purpose (terminal-escape and binary-file cases).
    files: ['test/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' },
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: coreRules({ node: false }),
  },
  {
    // The Node-only parts of core: the host's Node adapter, printing (Chromium), atomic writes and
    // reading Word files, used only by the CLI and the desktop language server.
    files: NODE_ONLY_CORE,
    rules: coreRules({ node: true }),
  },
  {
    files: ['cli/**/*.ts', 'extension/**/*.ts'],
    rules: coreOnlyThroughEntryPoints('error'),
  },
);
