// Specs: command-line programs are run as a user runs them (node on the bin file, `python -m`) and
// their help output, unknown-option handling and exit status are asserted; UI components are
// rendered with Testing Library and queried by role for elements without an accessible name. What
// cannot be known from the code (a failing input, props a component needs, a keyboard interaction)
// becomes a todo that says what to arrange.
import type { RenderTarget, SpecDraft, SpecPriority } from '../../src/specs/types.js'
import { jsString, pyString } from '../../src/specs/values.js'
import { findingId } from '../contract.js'
import { exportNamesOf } from '../shared/units.js'
import type { Found, Launch, ModuleInfo } from './context.js'

const PRIORITY: Record<string, SpecPriority> = {
  critical: 'P1',
  high: 'P1',
  medium: 'P2',
  low: 'P3',
  info: 'P3'
}
const BOGUS = '--no-such-option-for-testing'

/** node:test and mocha files import `assert` already; jest and vitest ones need it. */
function assertImports(target: RenderTarget): { from: string; names: string[] }[] {
  return target.framework === 'jest' || target.framework === 'vitest'
    ? [{ from: 'node:assert/strict', names: ['default as assert'] }]
    : []
}

const idOf = (f: Found): string =>
  findingId(
    'user-experience',
    f.draft.messageId,
    'file' in f.draft.evidence ? f.draft.evidence.file : null,
    f.draft.key
  )

function priority(found: Found[]): SpecPriority {
  return found.reduce<SpecPriority>(
    (p, f) => (PRIORITY[f.draft.severity] < p ? PRIORITY[f.draft.severity] : p),
    'P3'
  )
}

function argvOf(launch: Launch, extra: string): string {
  if (launch.kind === 'python-module')
    return `[sys.executable, '-m', ${pyString(launch.module)}, ${pyString(extra)}]`
  return `[${jsString(launch.file)}, ${jsString(extra)}]`
}

function helpSpec(info: ModuleInfo, found: Found[], target: RenderTarget): SpecDraft {
  const launch = info.launch as Launch
  const python = launch.kind === 'python-module'
  const flags = found
    .filter((f) => f.draft.messageId === 'optionWithoutHelp')
    // A program none of whose options has help text is one finding that lists them all (`flags`).
    .flatMap((f) =>
      f.draft.data.flags !== undefined
        ? String(f.draft.data.flags).split(' ')
        : [String(f.draft.data.flag)]
    )
    .filter((f) => f.startsWith('-'))
    .map(
      (f) =>
        f
          .split(/[ ,]+/)
          .filter((p) => p.startsWith('--'))
          .pop() ?? f.split(/[ ,]+/)[0]
    )
  const js = [
    `const result = spawnSync(process.execPath, ${argvOf(launch, '--help')}, { encoding: 'utf8' })`,
    "assert.equal(result.status, 0, 'help must exit with status 0: ' + result.stderr)",
    "assert.match(result.stdout, /usage|options/i, 'help output lists the usage and options')",
    ...(flags.length > 0
      ? [
          `const lines = result.stdout.split('\\n')`,
          `for (const flag of ${JSON.stringify(flags).replace(/"/g, "'")}) {`,
          '  const at = lines.findIndex((line) => line.includes(flag))',
          "  assert.ok(at >= 0, flag + ' is listed in --help')",
          "  const described = /\\S {2,}\\S/.test(lines[at].trim()) || /^\\s{8,}\\S/.test(lines[at + 1] ?? '')",
          "  assert.ok(described, flag + ' has a description in --help: ' + lines[at])",
          '}'
        ]
      : [])
  ].join('\n')
  const py = [
    `result = subprocess.run(${argvOf(launch, '--help')}, capture_output=True, text=True)`,
    "assert result.returncode == 0, 'help must exit with status 0: ' + result.stderr",
    "assert re.search(r'usage|options', result.stdout, re.I), 'help output lists the usage and options'",
    ...(flags.length > 0
      ? [
          'lines = result.stdout.splitlines()',
          `for flag in [${flags.map(pyString).join(', ')}]:`,
          '    at = next((i for i, line in enumerate(lines) if flag in line), -1)',
          "    assert at >= 0, flag + ' is listed in --help'",
          "    following = lines[at + 1] if at + 1 < len(lines) else ''",
          "    described = re.search(r'\\S {2,}\\S', lines[at].strip()) or re.match(r'\\s{8,}\\S', following)",
          "    assert described, flag + ' has a description in --help: ' + lines[at]"
        ]
      : [])
  ].join('\n')
  return {
    key: `help:${info.module.path}`,
    title: `${launch.command} --help explains every option`,
    level: 'e2e',
    target: { file: info.module.path },
    rationale: `The program is run the way a user runs it (${launch.command}); its help is the first thing a user reads.`,
    covers: found.map(idOf),
    expected:
      flags.length > 0
        ? `\`${launch.command} --help\` exits with status 0 and gives ${flags.join(', ')} a description`
        : `\`${launch.command} --help\` exits with status 0 and prints the usage`,
    priority: priority(found),
    body: python
      ? {
          kind: 'steps',
          imports: [
            { from: 're', names: [] },
            { from: 'subprocess', names: [] },
            { from: 'sys', names: [] }
          ],
          steps: { python: py },
          async: false
        }
      : {
          kind: 'steps',
          imports: [{ from: 'node:child_process', names: ['spawnSync'] }, ...assertImports(target)],
          steps: { javascript: js },
          async: false
        }
  }
}

function unknownOptionSpec(info: ModuleInfo, found: Found[], target: RenderTarget): SpecDraft {
  const launch = info.launch as Launch
  const python = launch.kind === 'python-module'
  const js = [
    `const result = spawnSync(process.execPath, ${argvOf(launch, BOGUS)}, { encoding: 'utf8' })`,
    "assert.notEqual(result.status, 0, 'an unknown option must fail')",
    `assert.match(result.stderr, /no-such-option-for-testing|unknown|unrecogni[sz]ed/i, 'the error names the option, on standard error')`
  ].join('\n')
  const py = [
    `result = subprocess.run(${argvOf(launch, BOGUS)}, capture_output=True, text=True)`,
    "assert result.returncode != 0, 'an unknown option must fail'",
    "assert re.search(r'no-such-option-for-testing|unknown|unrecogni[sz]ed', result.stderr, re.I), 'the error names the option, on standard error'"
  ].join('\n')
  return {
    key: `unknown:${info.module.path}`,
    title: `${launch.command} rejects an unknown option`,
    level: 'e2e',
    target: { file: info.module.path },
    rationale: 'A mistyped option must stop the program with a message, not be ignored.',
    covers: found.map(idOf),
    expected: `\`${launch.command} ${BOGUS}\` exits with a non-zero status and names the option on standard error`,
    priority: priority(found),
    body: python
      ? {
          kind: 'steps',
          imports: [
            { from: 're', names: [] },
            { from: 'subprocess', names: [] },
            { from: 'sys', names: [] }
          ],
          steps: { python: py },
          async: false
        }
      : {
          kind: 'steps',
          imports: [{ from: 'node:child_process', names: ['spawnSync'] }, ...assertImports(target)],
          steps: { javascript: js },
          async: false
        }
  }
}

function todo(
  key: string,
  file: string,
  title: string,
  expected: string,
  found: Found[],
  level: SpecDraft['level'] = 'e2e'
): SpecDraft {
  return {
    key,
    title,
    level,
    target: { file },
    rationale: found[0].draft.rationale,
    covers: found.map(idOf),
    expected,
    priority: priority(found),
    body: { kind: 'steps', module: file, steps: {}, async: false }
  }
}

const ROLE_OF: Record<string, string> = {
  img: 'img',
  button: 'button',
  a: 'link',
  select: 'combobox',
  textarea: 'textbox'
}
const INPUT_ROLES: Record<string, string> = {
  checkbox: 'checkbox',
  radio: 'radio',
  number: 'spinbutton',
  range: 'slider',
  search: 'searchbox'
}

function roleOf(f: Found): string | undefined {
  const tag = String(f.draft.data.tag)
  if (f.draft.messageId === 'clickOnStaticElement') return undefined
  if (tag === 'input') {
    const type = /type="([^"]*)"/.exec(String(f.draft.data.type))?.[1] ?? 'text'
    return (
      INPUT_ROLES[type] ??
      (['text', 'email', 'tel', 'url', 'password'].includes(type) && type !== 'password'
        ? 'textbox'
        : undefined)
    )
  }
  return ROLE_OF[tag]
}

function componentSpec(
  info: ModuleInfo,
  component: string,
  found: Found[],
  target: RenderTarget
): SpecDraft {
  const file = info.module.path
  const fn = info.functions.get(component)
  const names = fn && fn.exported && !fn.className ? exportNamesOf(info.module, fn.name) : []
  const importName = names.includes(component)
    ? component
    : names.includes('default')
      ? `default as ${component}`
      : undefined
  const roles = [...new Set(found.map(roleOf).filter((r): r is string => r !== undefined))].sort()
  const title = `${component} gives every ${roles.join(', ') || 'interactive element'} an accessible name`
  const expected = `rendered without props, ${component} has no ${roles.map((r) => `${r}`).join(', ')} element whose accessible name is empty (query by role and name)`
  const propsFree =
    fn !== undefined && fn.params.every((p) => p.optional || p.defaultValue !== undefined)
  if (!importName || !propsFree || roles.length === 0) {
    const why = !importName
      ? 'export the component or render the page that uses it'
      : !propsFree
        ? 'the props it needs'
        : 'a keyboard interaction with user-event: Tab to the element, press Enter, assert the click effect'
    return todo(
      `a11y:${file}#${component}`,
      file,
      `${title} (TODO: ${why})`,
      expected || 'the element is reachable and usable with the keyboard',
      found,
      'unit'
    )
  }
  const js = [
    `render(createElement(${component}))`,
    ...roles.map(
      (role) =>
        `assert.equal(screen.queryAllByRole(${jsString(role)}, { name: (name) => name.trim() === '' }).length, 0, ${jsString(`every ${role} has an accessible name`)})`
    )
  ].join('\n')
  return {
    key: `a11y:${file}#${component}`,
    title,
    level: 'unit',
    target: { file, symbol: component },
    rationale:
      'Testing Library queries by role and accessible name, the way assistive technology finds elements; needs a DOM test environment (jsdom).',
    covers: found.map(idOf),
    expected,
    priority: priority(found),
    body: {
      kind: 'steps',
      module: file,
      imports: [
        { from: '@testing-library/react', names: ['render', 'screen'] },
        { from: 'react', names: ['createElement'] },
        ...assertImports(target),
        { from: file, names: [importName] }
      ],
      steps: { javascript: js },
      async: false
    }
  }
}

const CLI_HELP = new Set(['optionWithoutHelp', 'noHelpOption'])
const UI = new Set([
  'imageWithoutAlt',
  'controlWithoutName',
  'clickOnStaticElement',
  'inputWithoutLabel'
])

export function buildSpecs(found: Found[], target: RenderTarget, maxSpecs: number): SpecDraft[] {
  const byModule = new Map<string, Found[]>()
  for (const f of found) {
    const list = byModule.get(f.info.module.path) ?? []
    list.push(f)
    byModule.set(f.info.module.path, list)
  }
  const runnable: SpecDraft[] = []
  const todos: SpecDraft[] = []
  const add = (s: SpecDraft) =>
    (s.body.kind === 'steps' && (s.body.steps.javascript || s.body.steps.python)
      ? runnable
      : todos
    ).push(s)
  for (const [path, list] of [...byModule].sort(([a], [b]) => a.localeCompare(b))) {
    const info = list[0].info
    const help = list.filter((f) => CLI_HELP.has(f.draft.messageId))
    const unknown = list.filter((f) => f.draft.messageId === 'unknownOptionAccepted')
    const exit = list.filter(
      (f) => f.draft.messageId === 'exitZeroOnError' || f.draft.messageId === 'errorToStdout'
    )
    const command = info.launch?.command ?? path
    if (help.length > 0)
      add(
        info.launch
          ? helpSpec(info, help, target)
          : todo(
              `help:${path}`,
              path,
              `${path} --help explains every option (TODO: how to start this program from a test)`,
              'the help output exits with status 0 and describes every option',
              help
            )
      )
    if (unknown.length > 0)
      add(
        info.launch
          ? unknownOptionSpec(info, unknown, target)
          : todo(
              `unknown:${path}`,
              path,
              `${path} rejects an unknown option (TODO: how to start this program from a test)`,
              'an unknown option gives a non-zero exit status and a message on standard error',
              unknown
            )
      )
    if (exit.length > 0) {
      add(
        todo(
          `failure:${path}`,
          path,
          `${command} exits non-zero and writes to stderr when it fails (TODO: choose an input that makes it fail)`,
          `run with a failing input, ${command} exits with a non-zero status and the error is on standard error, not standard output`,
          exit
        )
      )
    }
    const clicks = list.filter((f) => f.draft.messageId === 'clickOnStaticElement')
    if (clicks.length > 0) {
      add(
        todo(
          `keyboard:${path}`,
          path,
          `the clickable elements of ${path} work from the keyboard (TODO: render it, Tab to each with user-event and press Enter)`,
          'each element that reacts to a click can be reached with Tab and activated with Enter or Space, with the same effect as the click',
          clicks,
          'unit'
        )
      )
    }
    const ui = list.filter(
      (f) => UI.has(f.draft.messageId) && f.draft.messageId !== 'clickOnStaticElement'
    )
    const byComponent = new Map<string, Found[]>()
    for (const f of ui) {
      const c = f.draft.symbol ?? '<module>'
      byComponent.set(c, [...(byComponent.get(c) ?? []), f])
    }
    for (const [component, fs] of [...byComponent].sort(([a], [b]) => a.localeCompare(b))) {
      if (component === '<module>')
        add(
          todo(
            `a11y:${path}`,
            path,
            `the elements of ${path} have accessible names (TODO: render the component that holds them)`,
            'every image, button, link and field has an accessible name',
            fs,
            'unit'
          )
        )
      else add(componentSpec(info, component, fs, target))
    }
    const wording = list.filter((f) => f.draft.messageId === 'genericErrorMessage')
    if (wording.length > 0) {
      add(
        todo(
          `wording:${path}`,
          path,
          `the errors of ${path} say what failed and what to do (TODO: arrange the failing input, assert the message names it)`,
          `the error messages of ${path} name the input and the cause instead of ${wording
            .map((f) => String(f.draft.data.shown))
            .slice(0, 3)
            .join(', ')}`,
          wording,
          'unit'
        )
      )
    }
  }
  return [...runnable, ...todos].slice(0, maxSpecs)
}
