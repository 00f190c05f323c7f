// Perspective 9 (user-experience) on small repositories written for these tests: each planted problem
// is asserted by message id, file and line; clean and empty repositories give nothing; rendered specs
// parse (TypeScript with the compiler API, Python with `ast`); ids are stable between runs.
import userExperience from '../../perspectives/user-experience/index.js'
import type { UserExperienceOptions } from '../../perspectives/user-experience/options.js'
import { isGeneric } from '../../perspectives/user-experience/wording.js'
import { ConfigurationError } from '../../src/util/errors.js'
import { readFixture, runFixture, testPerspective, type FixtureRun } from './harness.js'
import { pythonParses, tsParseErrors as tsParses, findingAt } from './case-helpers.js'
import { editFile, without } from './edit-files.js'
import type { ExpectedFinding } from './harness-checks.js'

const tsFixture = readFixture('user-experience-ts')
const pyFixture = readFixture('user-experience-py')

const TS_EXPECTED: ExpectedFinding[] = [
  { messageId: 'unknownOptionAccepted', file: 'bin/tool.js', line: 5 },
  { messageId: 'optionWithoutHelp', file: 'bin/tool.js', line: 5 },
  // `--to` is declared and never read: copy() reads `opts.from` only.
  { messageId: 'optionNeverRead', file: 'bin/tool.js', line: 5 },
  { messageId: 'genericErrorMessage', file: 'bin/tool.js', line: 18 },
  { messageId: 'exitZeroOnError', file: 'bin/tool.js', line: 22 },
  { messageId: 'errorToStdout', file: 'bin/tool.js', line: 22 },
  { messageId: 'unknownOptionAccepted', file: 'src/args.js', line: 5 },
  { messageId: 'noHelpOption', file: 'src/args.js', line: 6 },
  { messageId: 'imageWithoutAlt', file: 'src/Profile.tsx', line: 7 },
  { messageId: 'controlWithoutName', file: 'src/Profile.tsx', line: 9 },
  { messageId: 'clickOnStaticElement', file: 'src/Profile.tsx', line: 13 },
  { messageId: 'inputWithoutLabel', file: 'src/Profile.tsx', line: 15 },
  { messageId: 'genericErrorMessage', file: 'src/errors.ts', line: 2 },
  { messageId: 'genericErrorMessage', file: 'src/errors.ts', line: 8 }
]

const PY_EXPECTED: ExpectedFinding[] = [
  { messageId: 'optionWithoutHelp', file: 'app/cli.py', line: 8 },
  { messageId: 'unknownOptionAccepted', file: 'app/cli.py', line: 13 },
  { messageId: 'errorToStdout', file: 'app/cli.py', line: 17 },
  { messageId: 'exitZeroOnError', file: 'app/cli.py', line: 18 },
  { messageId: 'genericErrorMessage', file: 'app/cli.py', line: 23 },
  { messageId: 'genericErrorMessage', file: 'app/cli.py', line: 25 },
  { messageId: 'unknownOptionAccepted', file: 'app/clicmd.py', line: 4 },
  { messageId: 'optionWithoutHelp', file: 'app/clicmd.py', line: 6 },
  { messageId: 'noHelpOption', file: 'app/hand.py', line: 7 },
  { messageId: 'unknownOptionAccepted', file: 'app/hand.py', line: 7 }
]

/** A near miss: a fixture with one problem fixed in one file, reporting all the rest. */
const fixed = (
  fixture: 'ts' | 'py',
  fixedId: string,
  path: string,
  ...edits: [string, string][]
) => ({
  files: editFile(fixture === 'ts' ? tsFixture : pyFixture, path, ...edits),
  expected: without(fixture === 'ts' ? TS_EXPECTED : PY_EXPECTED, fixedId)
})

const finding = (result: FixtureRun, messageId: string, line: number) =>
  findingAt(result, messageId, undefined, line)

const CLEAN_TS: Record<string, string> = {
  'package.json': JSON.stringify({
    name: 'clean',
    type: 'module',
    bin: { clean: 'bin/clean.js' },
    dependencies: { commander: '^12.0.0', react: '^18.0.0' }
  }),
  'bin/clean.js': [
    '#!/usr/bin/env node',
    "import { Command } from 'commander'",
    '',
    'const program = new Command()',
    "program.name('clean').description('Cleans things').option('-d, --dir <path>', 'the folder to clean')",
    '',
    'async function main() {',
    '  return program.parse(process.argv).opts().dir',
    '}',
    '',
    'main().catch((err) => {',
    '  console.error(err)',
    '  process.exitCode = 1',
    '})',
    ''
  ].join('\n'),
  'src/Form.tsx': [
    'export function Form({ onSave }: { onSave: () => void }) {',
    '  return (',
    '    <form>',
    '      <img src="/logo.png" alt="Company logo" />',
    '      <label htmlFor="name">Name</label>',
    '      <input id="name" type="text" />',
    '      <input aria-label="Search" type="search" />',
    '      <label>',
    '        Email <input type="email" />',
    '      </label>',
    '      <button type="submit" onClick={onSave}>Save</button>',
    '      <button aria-label="Close"><svg /></button>',
    '      <a href="/help"><img src="/help.png" alt="Help" /></a>',
    '      <div role="button" tabIndex={0} onClick={onSave} onKeyDown={onSave}>Save draft</div>',
    '      <Image {...{ src: "/x.png" }} />',
    '    </form>',
    '  )',
    '}',
    ''
  ].join('\n'),
  'src/errors.ts':
    "export function load(path: string): string {\n  if (path === '') throw new Error('load() needs a path to a .json file')\n  return path\n}\n",
  // Tests are not the product: their messages and markup are not reported.
  'test/errors.test.ts':
    "import { it } from 'node:test'\nit('x', () => {\n  throw new Error('Something went wrong')\n})\n"
}

const CLEAN_PY: Record<string, string> = {
  'app/cli.py': [
    'import argparse',
    'import sys',
    '',
    '',
    'def main():',
    '    parser = argparse.ArgumentParser(prog="tool")',
    '    parser.add_argument("--source", help="where to read from")',
    '    args = parser.parse_args()',
    '    try:',
    '        run(args.source)',
    '    except OSError as err:',
    '        print(f"cannot read {args.source}: {err}", file=sys.stderr)',
    '        sys.exit(1)',
    '',
    '',
    'def run(source):',
    '    if source is None:',
    '        raise ValueError("--source is required: pass the folder to read from")',
    '    return source',
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
    ''
  ].join('\n')
}

const SERVER_PACKAGE = JSON.stringify({ name: 'srv', type: 'module', main: 'src/server.js' })
const SERVER_JS = [
  "import http from 'node:http'", // 1
  '', // 2
  'export function start(endpoint, taken = () => false) {', // 3
  '  const server = http.createServer()', // 4
  "  const host = endpoint.host ?? 'localhost'", // 5
  '  if (taken(endpoint.port, host)) return start({ port: 0 })', // 6
  '  server.listen(endpoint.port, endpoint.host)', // 7
  '  return server', // 8
  '}', // 9
  ''
].join('\n')

testPerspective<UserExperienceOptions>(userExperience, {
  valid: [
    {
      name: 'listenHostDropped near miss: the fallback keeps the host',
      files: {
        'package.json': SERVER_PACKAGE,
        'src/server.js': SERVER_JS.replace(
          'start({ port: 0 })',
          'start({ port: 0, host: endpoint.host })'
        )
      }
    },
    {
      name: 'an empty repository has nothing a user sees',
      files: {},
      check: (r) => expect(r.run.report).toContain('No JavaScript, TypeScript or Python')
    },
    {
      name: 'a TypeScript program and component that treat their users well',
      files: CLEAN_TS,
      check: (result) => {
        expect(result.run.specs).toEqual([])
        expect(result.run.report).toContain('No problems found')
        expect(result.run.metrics).toMatchObject({ programs: 1, jsxModules: 1, findings: 0 })
      }
    },
    { name: 'a Python program that documents its options and fails loudly', files: CLEAN_PY },
    {
      name: 'library code may print and a TypeScript file has no JSX',
      files: {
        // A library's console.log of text starting with 'error' is not a command-line program's output.
        'src/lib.ts':
          "export function describe(n: number): string {\n  console.log('errors: ' + n)\n  return `n < ${n}/>`\n}\n",
        // print() of a generic word outside a program is not user-facing.
        'app/lib.py': 'def report():\n    print("Error")\n'
      }
    }
  ],
  invalid: [
    {
      name: 'TypeScript fixture: commander, hand-made parsing, JSX and messages',
      files: tsFixture,
      expected: TS_EXPECTED,
      check: (result) => {
        expect(finding(result, 'optionWithoutHelp', 5).title).toBe(
          'option -t, --to <store> has no help text (commander)'
        )
        expect(finding(result, 'clickOnStaticElement', 13).message).toContain(
          'has no `role`, no keyboard handler (`onKeyDown`) and no `tabIndex`'
        )
        expect(finding(result, 'inputWithoutLabel', 15).message).toContain(
          'a placeholder is not a label'
        )
        expect(finding(result, 'genericErrorMessage', 2).title).toBe(
          'Throws Error without a message in load() in src/errors.ts'
        )
        const { specs } = result.run
        for (const spec of specs) expect(tsParses(spec.code)).toEqual([])
        const help = specs.find((s) =>
          s.covers.includes(finding(result, 'optionWithoutHelp', 5).id)
        )
        expect(help?.code).toContain("spawnSync(process.execPath, ['bin/tool.js', '--help']")
        expect(help?.code).toContain("for (const flag of ['--to'])")
        const unknown = specs.find((s) =>
          s.covers.includes(finding(result, 'unknownOptionAccepted', 5).id)
        )
        expect(unknown?.code).toContain(
          "assert.notEqual(result.status, 0, 'an unknown option must fail')"
        )
        const a11y = specs.find((s) => s.covers.includes(finding(result, 'imageWithoutAlt', 7).id))
        expect(a11y?.code).toContain('render(createElement(Profile))')
        expect(a11y?.code).toContain(
          "screen.queryAllByRole('button', { name: (name) => name.trim() === '' })"
        )
        expect(a11y?.covers).toContain(finding(result, 'inputWithoutLabel', 15).id)
        // What cannot be known from the code is a todo, never a pass.
        const failure = specs.find((s) =>
          s.covers.includes(finding(result, 'exitZeroOnError', 22).id)
        )
        expect(failure?.code).toContain('it.todo(')
        const keyboard = specs.find((s) =>
          s.covers.includes(finding(result, 'clickOnStaticElement', 13).id)
        )
        expect(keyboard?.code).toContain('it.todo(')
        expect(result.run.report).toContain('failures that exit with status 0')
      }
    },
    {
      name: 'Python fixture: argparse, click, hand-made parsing and messages',
      files: pyFixture,
      expected: PY_EXPECTED,
      check: (result) => {
        for (const spec of result.run.specs) pythonParses(spec.code)
        const help = result.run.specs.find((s) =>
          s.covers.includes(finding(result, 'optionWithoutHelp', 8).id)
        )
        expect(help?.code).toContain(
          "subprocess.run([sys.executable, '-m', 'app.cli', '--help'], capture_output=True, text=True)"
        )
        expect(help?.code).toContain("for flag in ['--target']:")
        expect(finding(result, 'exitZeroOnError', 18).severity).toBe('high')
        expect(finding(result, 'genericErrorMessage', 25).title).toBe(
          'Raises ValueError without a message in copy() in app/cli.py'
        )
      }
    },
    {
      name: 'the per-kind cap keeps the most severe and the report says how many more',
      files: {
        'src/a.ts':
          Array.from(
            { length: 4 },
            (_, i) => `export function f${i}() {\n  throw new Error('Something went wrong')\n}`
          ).join('\n') + '\n'
      },
      options: { maxFindingsPerKind: 2 },
      expected: [
        { messageId: 'genericErrorMessage', file: 'src/a.ts', line: 2 },
        { messageId: 'genericErrorMessage', file: 'src/a.ts', line: 5 }
      ],
      check: (result) => {
        expect(result.run.metrics['findings.genericErrorMessage']).toBe(4)
        expect(result.run.report).toContain('2 kept, the rest over the per-kind cap')
      }
    },
    {
      // pyupgrade's shape (round 6): no option has help text, by the author's choice: one finding, not one each.
      name: 'a parser none of whose options has help text is one finding naming them',
      files: {
        'app/cli.py': CLEAN_PY['app/cli.py'].replace(
          '    parser.add_argument("--source", help="where to read from")',
          '    parser.add_argument("--source")\n    parser.add_argument("--dry-run", action="store_true")'
        )
      },
      // `--dry-run` is never read (args.dry_run appears nowhere).
      expected: [
        { messageId: 'optionWithoutHelp', file: 'app/cli.py', line: 7 },
        { messageId: 'optionNeverRead', file: 'app/cli.py', line: 8 }
      ],
      check: (result) =>
        expect(finding(result, 'optionWithoutHelp', 7).title).toBe(
          'all 2 options (--source, --dry-run) have no help text (argparse)'
        )
    },
    {
      name: 'optionNeverRead near miss: copy() reads --to too',
      ...fixed('ts', 'optionNeverRead', 'bin/tool.js', [
        '  return opts\n',
        '  return [opts, opts.to]\n'
      ])
    },
    {
      name: 'listenHostDropped: the port fallback re-enters without the endpoint host',
      files: { 'package.json': SERVER_PACKAGE, 'src/server.js': SERVER_JS },
      expected: [{ messageId: 'listenHostDropped', file: 'src/server.js', line: 6 }]
    },
    {
      name: 'optionWithoutHelp near miss: --to gets its help text',
      ...fixed('ts', 'optionWithoutHelp', 'bin/tool.js', [
        "  .option('-t, --to <store>')",
        "  .option('-t, --to <store>', 'where to write to')"
      ])
    },
    {
      name: 'noHelpOption near miss: the hand-made parser answers --help',
      ...fixed('ts', 'noHelpOption', 'src/args.js', [
        "      case '--verbose':\n",
        "      case '--help':\n        options.help = true\n        break\n      case '--verbose':\n"
      ])
    },
    {
      name: 'unknownOptionAccepted near miss: commander shows help on an unknown option, the hand-made parser throws (a template message)',
      files: editFile(
        editFile(tsFixture, 'bin/tool.js', ['  .allowUnknownOption()', '  .showHelpAfterError()']),
        'src/args.js',
        [
          '        break\n    }\n',
          '        break\n      default:\n        throw new Error(`unknown option ${arg}: use --verbose or --dry-run`)\n    }\n'
        ]
      ),
      expected: without(TS_EXPECTED, 'unknownOptionAccepted')
    },
    {
      name: 'exitZeroOnError near miss: the failed copy exits with status 1',
      ...fixed('py', 'exitZeroOnError', 'app/cli.py', ['sys.exit(0)', 'sys.exit(1)'])
    },
    {
      name: 'errorToStdout near miss: the failed copy is printed to stderr',
      ...fixed('py', 'errorToStdout', 'app/cli.py', [
        'print("Error:", err)',
        'print("Error:", err, file=sys.stderr)'
      ])
    },
    {
      name: 'imageWithoutAlt near miss: the avatar gets its alt text',
      ...fixed('ts', 'imageWithoutAlt', 'src/Profile.tsx', [
        '<img src="/avatar.png" />',
        '<img src="/avatar.png" alt="Your avatar" />'
      ])
    },
    {
      name: 'controlWithoutName near miss: the icon button gets an aria-label',
      ...fixed('ts', 'controlWithoutName', 'src/Profile.tsx', [
        '<button onClick={() => setOpen(!open)}>',
        '<button aria-label="Show details" onClick={() => setOpen(!open)}>'
      ])
    },
    {
      name: 'clickOnStaticElement near miss: the clickable div becomes a button',
      ...fixed('ts', 'clickOnStaticElement', 'src/Profile.tsx', [
        '<div onClick={() => setOpen(true)}>More</div>',
        '<button onClick={() => setOpen(true)}>More</button>'
      ])
    },
    {
      name: 'inputWithoutLabel near miss: the search box gets an aria-label',
      ...fixed('ts', 'inputWithoutLabel', 'src/Profile.tsx', [
        '<input type="text" placeholder="Search" />',
        '<input type="text" placeholder="Search" aria-label="Search" />'
      ])
    },
    {
      name: 'genericErrorMessage near miss: every message says what went wrong',
      files: editFile(
        editFile(tsFixture, 'bin/tool.js', [
          "throw new Error('Something went wrong')",
          "throw new Error('--from is required: name the store to read from')"
        ]),
        'src/errors.ts',
        ['throw new Error()', "throw new Error('load() needs a path to a .json file')"],
        ["alert('Oops!')", "alert('Could not save your profile')"]
      ),
      expected: without(TS_EXPECTED, 'genericErrorMessage')
    }
  ]
})

describe('user-experience details', () => {
  it('recognises generic messages and leaves specific ones alone', () => {
    for (const m of [
      'Error',
      'Something went wrong.',
      'An error occurred!',
      '',
      'Oops!',
      'unknown error'
    ])
      expect(isGeneric(m)).toBe(true)
    for (const m of ['cannot read config.json', 'Error: port 80 is in use', 'expected a number'])
      expect(isGeneric(m)).toBe(false)
  })

  it('renders the CLI specs for node:test without a second assert import', async () => {
    const result = await runFixture(userExperience, tsFixture, {
      target: { framework: 'node:test', language: 'typescript' }
    })
    for (const spec of result.run.specs) {
      expect(tsParses(spec.code)).toEqual([])
      expect(spec.code.match(/import assert from/g)?.length ?? 0).toBeLessThanOrEqual(1)
    }
  })

  it('stops before the perspective runs on a bad option, naming it, its value and what it accepts', async () => {
    // Options are checked against the schema before analyse: a ConfigurationError, not a failed run.
    await expect(
      runFixture(userExperience, CLEAN_PY, { options: { maxSpecs: -1 } })
    ).rejects.toThrow(
      "perspectives.user-experience.maxSpecs: -1 is not accepted: user-experience's option maxSpecs takes a whole number of at least 0 (default 20)."
    )
    expect(new ConfigurationError('x')).toBeInstanceOf(Error)
  })
})
