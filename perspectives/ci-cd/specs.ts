// The spec of this perspective: a GitHub Actions workflow (YAML) that fills the gaps found, written
// with this repository's own commands: its package manager (from the lock file), its scripts, its
// supported Node/Python versions. Action versions are tags with a comment asking the user to pin them
// to a commit SHA: we do not invent SHAs.
import type { SpecDraft } from '../../src/specs/types.js'
import { findingId } from '../contract.js'
import type { Draft } from './check-input.js'
import { classifyWords } from './commands.js'
import type { CiGraph } from './graph.js'
import type { NodeProject, Project, PythonProject } from './project.js'
import { splitScript } from './shell.js'
import { maximumMajorOf, minimumOf, show } from './versions.js'

/** Gaps the snippet closes; security findings about existing lines need an edit there instead. */
const FILLS = new Set([
  'noCi',
  'testCommandNotRun',
  'testsNotTriggered',
  'runtimeMinimumUntested',
  'noDependencyCache',
  'noTimeout',
  'noConcurrency',
  'noPermissions',
  'noCoverage',
  'coverageNotKept',
  'lintNotRun',
  'typeCheckNotRun',
  'otherCiNoTests'
])

const PIN = '# pin: replace the tag with the full 40-character commit SHA of that release'

/** A YAML scalar for repository-derived text: plain when safe, else double-quoted (JSON strings are YAML). */
function q(value: string): string {
  return /^[\w./@+-][\w ./@+=-]*$/.test(value) && !/\s$/.test(value) ? value : JSON.stringify(value)
}

function nodeVersions(node: NodeProject, graph: CiGraph): string[] {
  const minimum = node.engines ? minimumOf(node.engines) : null
  if (!minimum) return []
  const majors = new Set<number>([minimum.major])
  const upper = node.engines ? maximumMajorOf(node.engines) : null
  if (upper !== null && upper > minimum.major) majors.add(upper)
  for (const run of graph.jobRuns)
    for (const axis of run.job.matrix.values())
      for (const v of axis.values) {
        const major = Number(/^v?(\d+)/.exec(v)?.[1])
        if (
          /node/i.test([...run.job.matrix.keys()].join()) &&
          major >= minimum.major &&
          (upper === null || major <= upper)
        )
          majors.add(major)
      }
  const list = [...majors].sort((a, b) => a - b).map(String)
  return upper === null ? [...list, 'lts/*'] : list
}

/** What a package script runs, by what its commands do. */
function scriptKinds(node: NodeProject, body: string): Set<string> {
  const kinds = new Set<string>()
  for (const c of splitScript(body))
    for (const k of classifyWords(c.words, { scripts: node.manifest.scripts }, 0, new Set()).kinds)
      kinds.add(k)
  return kinds
}

/** A package script other than `test` that runs the tests with coverage (`test:coverage`, `test-ci`): the repository's own way. */
function coverageScript(node: NodeProject): string | undefined {
  const words = (n: string) => n.toLowerCase().split(/[^a-z0-9]+/)
  const names = Object.keys(node.manifest.scripts)
    .filter(
      (n) =>
        n !== 'test' &&
        words(n).some((w) => ['test', 'tests', 'cov', 'coverage', 'ci'].includes(w)) &&
        !/watch|report|html|open/i.test(n)
    )
    .filter((n) => {
      const kinds = scriptKinds(node, node.manifest.scripts[n])
      return kinds.has('test') && kinds.has('coverage')
    })
  // `ci` names first (they are what the project runs in CI), then shorter names.
  const ci = (n: string) => Number(words(n).includes('ci'))
  return names.sort((a, b) => ci(b) - ci(a) || a.length - b.length || a.localeCompare(b))[0]
}

function testWithCoverage(node: NodeProject): string {
  const command = node.testCommand ?? `${node.manager} test`
  const script = node.testScript ?? ''
  if (scriptKinds(node, script).has('coverage')) return command
  const own = coverageScript(node)
  if (own) return `${node.manager} run ${own}`
  if (/\b(jest|vitest)\b/.test(script) || /jest|vitest/.test(command)) {
    // npm needs `--` to pass an option to the script; yarn, pnpm and bun pass it on as is.
    return node.manager === 'npm' && !command.startsWith('npx')
      ? `${command} -- --coverage`
      : `${command} --coverage`
  }
  return `npx --yes c8 --reporter=lcov --reporter=text ${command}`
}

/** Which steps beyond the tests the snippet adds: only checks CI does not run yet (or there is no CI at all). */
interface Extras {
  lint: boolean
  typecheck: boolean
}

function nodeJob(node: NodeProject, graph: CiGraph, extras: Extras): string[] {
  const versions = nodeVersions(node, graph)
  const lines = ['  node:', '    runs-on: ubuntu-latest', '    timeout-minutes: 15']
  if (versions.length > 0) {
    lines.push(
      '    strategy:',
      '      fail-fast: false',
      '      matrix:',
      `        node-version: [${versions.map((v) => (v.includes('/') ? `'${v}'` : v)).join(', ')}]`
    )
  }
  if (node.dir !== '')
    lines.push('    defaults:', '      run:', `        working-directory: ${q(node.dir)}`)
  lines.push('    steps:', `      - uses: actions/checkout@v5 ${PIN}`)
  if (node.manager === 'pnpm') lines.push(`      - uses: pnpm/action-setup@v4 ${PIN}`)
  if (node.manager === 'bun') lines.push(`      - uses: oven-sh/setup-bun@v2 ${PIN}`)
  lines.push(`      - uses: actions/setup-node@v5 ${PIN}`, '        with:')
  if (versions.length > 0) lines.push('          node-version: ${{ matrix.node-version }}')
  else if (node.nvmrc) lines.push(`          node-version-file: ${q(node.nvmrc)}`)
  else lines.push("          node-version: 'lts/*'")
  if (node.lockFile && node.manager !== 'bun')
    lines.push(
      `          cache: ${node.manager}`,
      `          cache-dependency-path: ${q(node.lockFile)}`
    )
  const install = {
    npm: node.lockFile ? 'npm ci' : 'npm install',
    yarn: 'yarn install --frozen-lockfile',
    pnpm: 'pnpm install --frozen-lockfile',
    bun: 'bun install --frozen-lockfile'
  }[node.manager]
  lines.push(`      - run: ${install}`)
  if (extras.lint && node.lintScript)
    lines.push(`      - run: ${q(`${node.manager} run ${node.lintScript}`)}`)
  if (extras.typecheck && node.typecheckScript)
    lines.push(`      - run: ${q(`${node.manager} run ${node.typecheckScript}`)}`)
  else if (extras.typecheck && node.typescript) lines.push('      - run: npx tsc --noEmit')
  lines.push(`      - run: ${q(testWithCoverage(node))}`)
  lines.push(
    `      - uses: actions/upload-artifact@v4 ${PIN}`,
    '        if: always()',
    '        with:',
    `          name: coverage-node${versions.length > 0 ? '-${{ strategy.job-index }}' : ''}`,
    `          path: ${q(node.dir === '' ? 'coverage/' : `${node.dir}/coverage/`)}`,
    '          if-no-files-found: warn'
  )
  return lines
}

function pythonJob(py: PythonProject, extras: Extras): string[] {
  const minimum = py.requiresPython ? minimumOf(py.requiresPython) : null
  const versions = minimum ? [`'${show(minimum, 'python')}'`, "'3.x'"] : ["'3.x'"]
  const lines = [
    '  python:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 15',
    '    strategy:',
    '      fail-fast: false',
    '      matrix:',
    `        python-version: [${versions.join(', ')}]`
  ]
  lines.push('    steps:', `      - uses: actions/checkout@v5 ${PIN}`)
  const run = (command: string) =>
    py.manager === 'uv'
      ? `uv run ${command}`
      : py.manager === 'poetry'
        ? `poetry run ${command}`
        : py.manager === 'pipenv'
          ? `pipenv run ${command}`
          : py.manager === 'pdm'
            ? `pdm run ${command}`
            : command
  if (py.manager === 'uv') {
    // Every dependency group: pytest often sits in a `tests` group, not in the default `dev` one.
    lines.push(
      `      - uses: astral-sh/setup-uv@v6 ${PIN}`,
      '        with:',
      '          enable-cache: true',
      '          python-version: ${{ matrix.python-version }}',
      '      - run: uv sync --all-extras --all-groups'
    )
  } else {
    const cache = py.manager === 'poetry' || py.manager === 'pipenv' ? py.manager : 'pip'
    if (py.manager === 'poetry') lines.push('      - run: pipx install poetry')
    lines.push(
      `      - uses: actions/setup-python@v5 ${PIN}`,
      '        with:',
      '          python-version: ${{ matrix.python-version }}',
      `          cache: ${cache}`
    )
    if (py.manager === 'poetry') lines.push('      - run: poetry install --no-interaction')
    else if (py.manager === 'pipenv')
      lines.push('      - run: pip install pipenv && pipenv install --dev --deploy')
    else if (py.manager === 'pdm') lines.push('      - run: pip install pdm && pdm install --dev')
    else if (py.requirements)
      lines.push(`      - run: ${q(`python -m pip install -r ${py.requirements}`)}`)
    else if (py.hasPyproject) lines.push('      - run: python -m pip install -e .')
  }
  const lintTool = extras.lint ? py.lintTool : undefined
  const typecheckTool = extras.typecheck ? py.typecheckTool : undefined
  const tools = [
    py.testCommand === 'pytest' ? 'pytest pytest-cov' : 'coverage',
    lintTool,
    typecheckTool
  ]
    .filter(Boolean)
    .join(' ')
  if (py.manager === 'pip') lines.push(`      - run: python -m pip install ${tools}`)
  if (lintTool)
    lines.push(`      - run: ${run(lintTool === 'ruff' ? 'ruff check .' : `${lintTool} .`)}`)
  if (typecheckTool) lines.push(`      - run: ${run(`${typecheckTool} .`)}`)
  // uv adds pytest-cov for the run when the project does not declare it (`uv run pytest --cov` fails without it).
  const pytest =
    py.manager === 'uv' && !py.pytestCov
      ? 'uv run --with pytest-cov pytest --cov --cov-report=xml'
      : run('pytest --cov --cov-report=xml')
  lines.push(
    `      - run: ${py.testCommand === 'pytest' ? pytest : `${run('coverage run -m unittest')} && ${run('coverage xml')}`}`
  )
  lines.push(
    `      - uses: actions/upload-artifact@v4 ${PIN}`,
    '        if: always()',
    '        with:',
    '          name: coverage-python-${{ strategy.job-index }}',
    '          path: coverage.xml',
    '          if-no-files-found: warn'
  )
  return lines
}

/** The id the engine gives a draft's finding. */
export function draftId(d: Draft): string {
  return findingId('ci-cd', d.messageId, 'file' in d.evidence ? d.evidence.file : null, d.key)
}

export function buildWorkflowSpec(
  project: Project,
  graph: CiGraph,
  drafts: Draft[],
  branch: string | undefined,
  existing: string[]
): SpecDraft[] {
  const gaps = drafts.filter((d) => FILLS.has(d.messageId))
  const node = project.node?.testCommand ? project.node : undefined
  const py = project.python?.testCommand ? project.python : undefined
  if (gaps.length === 0 || (!node && !py)) return []
  const gapNames = [...new Set(gaps.map((d) => d.messageId))]
  const noCi = gapNames.includes('noCi')
  const extras: Extras = {
    lint: noCi || gapNames.includes('lintNotRun'),
    typecheck: noCi || gapNames.includes('typeCheckNotRun')
  }
  const lines = [
    `# Fills the gaps found: ${gapNames.join(', ')}.`,
    'name: CI',
    'on:',
    '  push:',
    ...(branch ? [`    branches: [${q(branch)}]`] : []),
    '  pull_request:',
    'permissions:',
    '  contents: read',
    'concurrency:',
    '  group: ${{ github.workflow }}-${{ github.ref }}',
    '  cancel-in-progress: true',
    'jobs:',
    ...(node ? nodeJob(node, graph, extras) : []),
    ...(py ? pythonJob(py, extras) : [])
  ]
  const fileName =
    [
      '.github/workflows/ci.yml',
      '.github/workflows/tests.yml',
      '.github/workflows/test-planning-ci.yml'
    ].find((f) => !existing.includes(f)) ?? '.github/workflows/ci-suggested.yml'
  const commands = [node?.testCommand, py?.testCommand].filter((c): c is string => Boolean(c))
  const severe = gaps.some((d) => d.severity === 'critical' || d.severity === 'high')
  return [
    {
      key: 'workflow',
      title: `Workflow that runs ${commands.join(' and ')} on push and pull_request`,
      level: 'integration',
      target: { file: fileName },
      rationale: `Written for this repository (${[node ? `${node.manager}${node.lockFile ? ` with ${node.lockFile}` : ''}` : '', py ? `Python with ${py.manager}` : ''].filter(Boolean).join(', ')}); it closes ${gaps.length} gap${gaps.length === 1 ? '' : 's'}: ${gapNames.join(', ')}.`,
      covers: gaps.map(draftId),
      expected: `A push or pull request starts the workflow; it installs from the lock file with a cache, runs ${commands.join(' and ')} with coverage and keeps the report as an artifact, within 15 minutes, with a read-only token. Pin each action to a commit SHA before merging.`,
      priority: severe ? 'P1' : 'P2',
      body: { kind: 'file', fileName, language: 'yaml', content: `${lines.join('\n')}\n` }
    }
  ]
}
