// Flat config: typescript-eslint's recommended rules over our sources and tests, and the layers:
// a perspective reads the model and returns data (no I/O, no clock, no engine internals), and src/
// reaches perspectives only through the registry and the contract.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** Node modules that reach the file system, the network, other processes or threads. */
const IO_MODULES = [
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'child_process',
  'dgram',
  'dns',
  'tls',
  'os',
  'process',
  'readline',
  'worker_threads',
  'cluster',
  'vm',
  'inspector'
]

/** The parts of src/ that run the pipeline, write, or talk to services: not for perspectives. */
const ENGINE_LAYERS = [
  'engine',
  'report',
  'sinks',
  'pipeline',
  'execute',
  'github',
  'config',
  'cursor',
  'history',
  'records',
  'repo',
  'net',
  'docs',
  'bench'
]

const perspectiveLayer = {
  files: ['perspectives/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: IO_MODULES.flatMap((name) => [name, `node:${name}`]).map((name) => ({
          name,
          message: 'Perspectives never do I/O: the engine prepares what they need (AnalyseContext).'
        })),
        patterns: [
          {
            regex: `(^|/)src/(${ENGINE_LAYERS.join('|')})(/|\\.js$)|(^|/)src/(main|cli|index|bench)\\.js$`,
            message:
              'Perspectives may import the contract (perspectives/types, define, contract), src/model, src/specs, src/util and perspectives/shared, not the engine, report or sinks.'
          }
        ]
      }
    ],
    'no-restricted-globals': [
      'error',
      ...[
        'process',
        'fetch',
        'XMLHttpRequest',
        'WebSocket',
        'setTimeout',
        'setInterval',
        'require'
      ].map((name) => ({
        name,
        message: 'Perspectives never do I/O or read the clock; use AnalyseContext.'
      }))
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "MemberExpression[object.name='Date'][property.name='now']",
        message: 'Perspectives never read the clock: use AnalyseContext.now.'
      },
      {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'Perspectives never read the clock: use AnalyseContext.now.'
      },
      {
        selector: "MemberExpression[object.name='performance'][property.name='now']",
        message: 'Perspectives never read the clock: the engine times them.'
      },
      {
        selector: "MemberExpression[object.name='Math'][property.name='random']",
        message: 'Perspectives are deterministic: the same commit gives the same findings.'
      }
    ]
  }
}

const engineLayer = {
  files: ['src/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '(^|/)perspectives/(?!(index|types|define|contract)\\.js$)',
            message:
              'src/ reaches perspectives through the registry (perspectives/index.ts) and the contract (types, define, contract) only.'
          }
        ]
      }
    ]
  }
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.tmp/**',
      '__tests__/fixtures/**',
      '.test-planning/**',
      '.venv-ci/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      'no-console': 'error'
    }
  },
  perspectiveLayer,
  engineLayer,
  {
    files: ['src/cli.ts', 'src/bench.ts', 'src/bench/**', 'scripts/**', '__tests__/**'],
    rules: { 'no-console': 'off' }
  }
)
