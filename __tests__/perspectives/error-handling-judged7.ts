// Shapes judged false on nodemon and immer (session 7, docs/evaluation/judged.md): an exit kept to
// command-line runs by a run-mode guard, and a script a package.json script runs. The unguarded exit
// in the same library function is still reported.
import type { ErrorHandlingOptions } from '../../perspectives/error-handling/options.js'
import type { Case } from './harness.js'

type ErrorCase = Case<ErrorHandlingOptions>

const exits = (scripts: Record<string, string>) => ({
  'package.json': JSON.stringify({ name: 'watcher', main: 'lib/run.js', scripts }),
  'lib/run.js': [
    'exports.run = function run(config, code) {', // 1
    '  if (code === 127) {', // 2
    "    console.error('command not found')", // 3
    '    process.exit(1)', // 4
    '  }', // 5
    '  if (!config.required) {', // 6
    '    process.exit(1)', // 7
    '  }', // 8
    '  return code', // 9
    '}', // 10
    ''
  ].join('\n'),
  'analysis/read-profile.js': [
    'const name = process.argv[2]', // 1
    'if (!name) {', // 2
    '  process.exit(1)', // 3
    '}', // 4
    'console.log(name)', // 5
    ''
  ].join('\n')
})

export const EXIT_REPORTED: ErrorCase = {
  name: 'exitInLibrary: an unguarded exit in a library function and in a file nothing runs as a program; the exit under `if (!config.required)` is not',
  files: exits({ build: 'rolldown -c', test: 'node --test' }),
  expected: [
    { messageId: 'exitInLibrary', file: 'lib/run.js', line: 4 },
    { messageId: 'exitInLibrary', file: 'analysis/read-profile.js', line: 3 }
  ]
}

export const EXIT_SCRIPT_NEAR_MISS: ErrorCase = {
  name: 'exitInLibrary near miss: a package.json script runs the file (`cd dir && cross-env X=1 node --flag file`)',
  files: exits({
    analyze: 'cd analysis && cross-env NO_COLOR=true node --expose-gc read-profile.js'
  }),
  expected: [{ messageId: 'exitInLibrary', file: 'lib/run.js', line: 4 }]
}
