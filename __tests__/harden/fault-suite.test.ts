// The bounded fault and fuzz suite, in-process part: hostile repositories and hostile arguments through
// the CLI's main(), and API faults on 127.0.0.1 (GitHub REST and Hugging Face Hub fakes) through the
// action's runPlan with injected time. Seeded (FAULT_SEED), bounded counts. Each case asserts: no
// crash (no throw, an exit code the README names, no stack trace), no hang (a guard far above the
// stated budgets; API time on the fake clock within the budgets), no file written outside the results
// folder, no file read outside the root (a sentinel outside the root never shows up), no token or
// planted secret in anything the run leaves, and the cursor and records consistent.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { main } from '../../src/cli.js'
import { parseCli } from '../../src/config/cli-args.js'
import { readActionConfig } from '../../src/config/inputs.js'
import { recordingLogger } from '../../src/log.js'
import { actionEnvironment } from '../../src/pipeline/environment.js'
import { planOutputs } from '../../src/pipeline/outputs.js'
import { runPlan } from '../../src/pipeline/plan.js'
import { buildSummary } from '../../src/report/summary.js'
import { claimResultsFolder } from '../../src/sinks/results-folder.js'
import { ConfigurationError } from '../../src/util/errors.js'
import { makeRepository } from '../e2e/harness.js'
import { FakeGitHub, type GitHubFault } from '../helpers/fake-github.js'
import { FakeHub } from '../helpers/fake-hub.js'
import { PLANTED_TOKEN, TOKENS, plantedSecretRepository } from '../helpers/secrets.js'
import {
  changes,
  leaksIn,
  newTally,
  note,
  report,
  resultsProblems,
  seeded,
  snapshot,
  SUITE_SEED,
  textsUnder,
  withinGuard,
  type Tally
} from './fault-kit.js'

const SENTINEL = 'OUTSIDE-THE-ROOT-SENTINEL-7f3a9c'
const SECRETS = [PLANTED_TOKEN, ...Object.values(TOKENS), SENTINEL]
const IDS: string[] = PERSPECTIVES.map((p) => p.meta.id)
const GUARD_MS = 300_000
const README_EXIT_CODES = new Set([0, 1, 2, 3])

let temp: string
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'fault-suite-'))
})
afterAll(() => rmSync(temp, { recursive: true, force: true }))

function write(path: string, content: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
}

/** The secrets planted in every hostile repository, in the shapes code holds them. */
function secretFiles(): Record<string, string> {
  return {
    'app/settings.py': `AWS_ACCESS_KEY_ID = "${TOKENS.aws}"\nSLACK = "${TOKENS.slack}"\nSTRIPE_KEY = "${TOKENS.stripe}"\n`,
    'web/keys.js': `export const google = '${TOKENS.google}'\nexport const npmToken = '${TOKENS.npm}'\nexport const jwt = '${TOKENS.jwt}'\nexport function auth() { return fetch('https://x', { headers: { Authorization: 'Bearer ${TOKENS.fineGrained}' } }) }\n`,
    'deploy/ci.yml': `env:\n  GH: ${TOKENS.ghs}\n  HF: ${TOKENS.hf}\n`
  }
}

type Feature = (
  repo: string,
  outside: string,
  r: ReturnType<typeof seeded>
) => void | { expect?: 'refused' }

const FEATURES: Record<string, Feature> = {
  'symlink-out-file': (repo, outside) =>
    symlinkSync(join(outside, 'sentinel.js'), join(repo, 'src', 'leak.js')),
  'symlink-out-dir': (repo, outside) => symlinkSync(outside, join(repo, 'vendored-outside')),
  'symlink-loop': (repo) => {
    symlinkSync('loop-b', join(repo, 'loop-a'))
    symlinkSync('loop-a', join(repo, 'loop-b'))
  },
  'symlink-to-root': (repo) => symlinkSync('.', join(repo, 'src', 'again')),
  'symlink-to-device': (repo) => symlinkSync('/dev/zero', join(repo, 'src', 'zero.js')),
  fifo: (repo) => void execFileSync('mkfifo', [join(repo, 'src', 'pipe.py')]),
  'config-link-out': (repo, outside) =>
    symlinkSync(join(outside, 'config.yml'), join(repo, '.test-planning.yml')),
  'config-device': (repo, _o, r) =>
    symlinkSync(
      r.pick(['/dev/zero', '/dev/urandom', '/dev/stdin']),
      join(repo, '.test-planning.yml')
    ),
  'config-bad-yaml': (repo) => write(join(repo, '.test-planning.yml'), `framework: [${SENTINEL}\n`),
  'config-huge': (repo) => write(join(repo, '.test-planning.yml'), `# ${'x'.repeat(1_200_000)}\n`),
  'config-wrong-types': (repo) =>
    write(
      join(repo, '.test-planning.yml'),
      `perspectives:\n  scope:\n    maxSpecs: "${SENTINEL}"\n`
    ),
  fsmonitor: (repo, outside) => {
    const program = join(outside, 'fsmonitor.sh')
    write(program, `#!/bin/sh\ntouch '${join(outside, 'fsmonitor-ran')}'\n`)
    execFileSync('chmod', ['+x', program])
    execFileSync('git', ['config', 'core.fsmonitor', program], { cwd: repo })
    execFileSync('git', ['config', 'diff.external', program], { cwd: repo })
  },
  'weird-names': (repo) => {
    for (const name of [
      'new\nline.js',
      '$(touch pwned).py',
      '-rf.js',
      'ünïcödé ☃.ts',
      ' lead space.py',
      `${'long'.repeat(60)}.js`,
      'back\\slash.js',
      '%s%n.py'
    ]) {
      write(join(repo, 'src', name), 'export const x = 1\n')
    }
  },
  'big-file': (repo) =>
    write(join(repo, 'src', 'big.js'), `export const big = [${'1,'.repeat(800_000)}]\n`),
  binary: (repo) =>
    write(join(repo, 'src', 'blob.py'), Buffer.from([0, 1, 2, 0, 255, 254, 0, 10, 0])),
  'deep-nesting': (repo) =>
    write(
      join(repo, ...Array.from({ length: 50 }, (_, i) => `d${i}`), 'deep.py'),
      'def deep():\n    return 1\n'
    ),
  'bad-manifests': (repo) => {
    write(join(repo, 'package.json'), '{"name": "x", "scripts": {"test": ')
    write(join(repo, 'pyproject.toml'), '[project\nname = ')
  },
  'crlf-bom': (repo) =>
    write(join(repo, 'src', 'crlf.py'), '\ufeffdef f(a):\r\n    return a / 0\r\n'),
  'many-files': (repo) => {
    for (let i = 0; i < 120; i++)
      write(join(repo, 'gen', `m${i}.js`), `export function f${i}(x) { return x + ${i} }\n`)
  },
  'committed-results-foreign': (repo) => {
    write(join(repo, '.test-planning', 'notes.txt'), 'my own notes\n')
    return { expect: 'refused' }
  },
  'committed-results-link': (repo, outside) => {
    write(join(repo, '.test-planning', '.test-planning-results'), 'ours\n')
    mkdirSync(join(outside, 'latest'), { recursive: true })
    symlinkSync(join(outside, 'latest'), join(repo, '.test-planning', 'latest'))
    return { expect: 'refused' }
  },
  'broken-git': (repo) => write(join(repo, '.git', 'HEAD'), 'garbage\n'),
  'secrets-everywhere': (repo) => {
    for (const [path, content] of Object.entries(secretFiles())) write(join(repo, path), content)
    write(
      join(repo, 'keys', 'id_rsa.py'),
      `KEY = """-----BEGIN RSA PRIVATE KEY-----\n${'MIIEowIBAAKCAQEA'.repeat(4)}\n-----END RSA PRIVATE KEY-----"""\n`
    )
  }
}

/** A hostile repository: the planted-secret service plus 1-3 features; returns where things are. */
async function hostileRepository(
  n: number,
  r: ReturnType<typeof seeded>
): Promise<{ base: string; repo: string; outside: string; features: string[]; refused: boolean }> {
  const base = join(temp, `repo-case-${n}`)
  const repo = join(base, 'repo')
  const outside = join(base, 'outside')
  write(join(outside, 'sentinel.js'), `export const secret = '${SENTINEL}'\n`)
  write(join(outside, 'config.yml'), `include: ['${SENTINEL}']\n`)
  const files = {
    ...plantedSecretRepository(),
    'src/index.js': 'export function add(a, b) { return a + b }\n'
  }
  const gitFirst = r.chance(0.85)
  if (gitFirst) await makeRepository(repo, files)
  else for (const [path, content] of Object.entries(files)) write(join(repo, path), content)
  // Config and results-folder problems stop a run early (exit 2): one case in four has one.
  const early = [
    'config-link-out',
    'config-device',
    'config-bad-yaml',
    'config-huge',
    'config-wrong-types',
    'committed-results-foreign',
    'committed-results-link'
  ]
  const names = Object.keys(FEATURES).filter((f) => !early.includes(f))
  const picked = Array.from({ length: 1 + r.int(3) }, () => r.pick(names))
  if (r.chance(0.25)) picked.push(r.pick(early))
  const features = [...new Set(picked)].filter(
    (f) => gitFirst || !['fsmonitor', 'broken-git'].includes(f)
  )
  // A broken .git goes last: the other features still use git to set themselves up.
  features.sort((a, b) => Number(a === 'broken-git') - Number(b === 'broken-git'))
  let refused = false
  for (const feature of features) {
    try {
      if (FEATURES[feature](repo, outside, r)?.expect === 'refused') refused = true
    } catch (error) {
      // A feature that cannot be built here (e.g. EEXIST from a combination) is left out.
      if (!/EEXIST/.test(String(error))) throw error
    }
  }
  return { base, repo, outside, features, refused }
}

interface CliResult {
  code: number | 'hang' | 'threw'
  stdout: string
  stderr: string
}

async function runCli(argv: string[], cwd: string): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: { PATH: process.env.PATH },
    cwd
  }
  try {
    const code = await withinGuard(main(argv, io), GUARD_MS)
    return { code, stdout, stderr }
  } catch (error) {
    return { code: 'threw', stdout, stderr: `${stderr}${String(error)}` }
  }
}

/** The checks every CLI case shares; `resultsDir` is the only place writes may go. */
function checkCliCase(
  tally: Tally,
  label: string,
  result: CliResult,
  base: string,
  before: Map<string, string>,
  resultsDirs: string[]
): void {
  if (result.code === 'hang') note(tally, 'hangs', label)
  else if (
    result.code === 'threw' ||
    !README_EXIT_CODES.has(result.code) ||
    /\n\s+at .+:\d+:\d+\)?\n/.test(result.stderr)
  ) {
    note(tally, 'crashes', `${label}: ${String(result.code)} ${result.stderr.slice(-300)}`)
  } else if (result.code === 3) {
    tally.failedCleanly++
    tally.failures.push(`${label}: ${result.stderr.trim().split('\n').pop()?.slice(0, 240) ?? ''}`)
  }
  tally.exits[String(result.code)] = (tally.exits[String(result.code)] ?? 0) + 1
  const escaped = changes(before, snapshot(base, resultsDirs))
  if (escaped.length > 0) note(tally, 'escapes', `${label}: ${escaped.slice(0, 3).join(', ')}`)
  const texts = [
    { path: 'stdout', text: result.stdout },
    { path: 'stderr', text: result.stderr },
    ...resultsDirs.flatMap((d) => textsUnder(d))
  ]
  const leaks = leaksIn(texts, SECRETS)
  if (leaks.length > 0) note(tally, 'leaks', `${label}: ${leaks.slice(0, 3).join(', ')}`)
  for (const dir of resultsDirs) {
    const problems = existsSync(dir) ? resultsProblems(dir) : []
    if (problems.length > 0) note(tally, 'losses', `${label}: ${problems[0]}`)
  }
}

describe('fault and fuzz suite (in-process)', () => {
  it('hostile repositories: 70 cases', async () => {
    const started = performance.now()
    const tally = newTally('hostile repositories')
    const r = seeded(SUITE_SEED)
    for (let n = 0; n < 70; n++) {
      const { base, repo, outside, features, refused } = await hostileRepository(n, r)
      const all = r.chance(0.2)
      const perspective = all ? 'all' : r.pick(IDS)
      const dryRun = r.chance(0.15)
      const out = join(repo, '.test-planning')
      const argv = [
        'plan',
        repo,
        '--perspective',
        perspective,
        '--format',
        r.pick(['text', 'markdown', 'json']),
        ...(dryRun ? ['--dry-run'] : [])
      ]
      const label = `#${n} [${features.join(', ')}] ${argv.slice(2).join(' ')}`
      // Writes are allowed in the results folder only; the folder a committed link points at is outside it.
      const before = snapshot(base, [out])
      const result = await runCli(argv, base)
      tally.cases++
      checkCliCase(tally, label, result, base, before, [out])
      if (existsSync(join(outside, 'fsmonitor-ran')))
        note(tally, 'escapes', `${label}: the repository's fsmonitor ran`)
      if (refused && result.code !== 2)
        note(
          tally,
          'crashes',
          `${label}: a foreign results folder was not refused (exit ${String(result.code)})`
        )
      rmSync(base, { recursive: true, force: true })
    }
    const line = report(tally, started)
    console.log(line)
    expect(tally.problems).toEqual([])
    expect([tally.crashes, tally.hangs, tally.escapes, tally.leaks, tally.losses]).toEqual([
      0, 0, 0, 0, 0
    ])
  }, 1_800_000)

  it('hostile arguments: 80 cases', async () => {
    const started = performance.now()
    const tally = newTally('arguments')
    const r = seeded(SUITE_SEED + 1)
    const base = join(temp, 'args')
    const repo = join(base, 'repo')
    await makeRepository(repo, plantedSecretRepository())
    write(join(base, 'a-file.txt'), 'not a folder\n')
    write(join(base, 'cfg.yml'), 'historyDays: 30\n')
    execFileSync('mkfifo', [join(base, 'cfg.fifo')])
    const outs = [
      'results',
      'nested/deeper/results',
      '.',
      'repo',
      '/',
      '/proc/self',
      '/dev/null',
      '/etc',
      'a-file.txt',
      'repo/.git',
      '..',
      'repo/src',
      ''
    ]
    const values: Record<string, string[]> = {
      '--perspective': [
        ...IDS.slice(0, 6),
        '1',
        '15',
        '0',
        '16',
        '-1',
        'all',
        'ALL',
        '',
        'security; rm -rf /',
        'Scope',
        '9999999999999999999',
        '☃'
      ],
      '--format': ['text', 'markdown', 'json', 'xml', ''],
      '--fail-on': ['none', 'critical', 'high', 'low', 'bogus', ''],
      '--framework': ['jest', 'vitest:ts', 'pytest', 'node:test', 'mocha:js', 'junit', ''],
      '--config': ['cfg.yml', 'missing.yml', '/dev/zero', 'cfg.fifo', '/etc/passwd', 'a-file.txt'],
      '--max-file-size': ['512KiB', '2MiB', '0', '-5', '1e99', 'big', '100'],
      '--history-days': ['30', '0', '-1', 'many', '100000'],
      '--base-ref': ['HEAD', 'v0.0.0-missing', '--upload-pack=touch x', 'main~999']
    }
    const flags = Object.keys(values)
    for (let n = 0; n < 80; n++) {
      const argv: string[] = [
        r.pick(['plan', 'plan', 'plan', 'model', 'docs', 'frobnicate', '--help', '--version'])
      ]
      if (argv[0] === 'plan' || argv[0] === 'model')
        argv.push(r.pick(['repo', 'repo', 'repo', 'missing-dir', 'a-file.txt', '/', '']))
      const outChoice = r.pick(outs)
      if (argv[0] === 'plan' && r.chance(0.7)) argv.push('--out', outChoice)
      for (let k = r.int(4); k > 0; k--) {
        const flag = r.pick(flags)
        argv.push(flag, r.pick(values[flag]))
      }
      if (r.chance(0.1)) argv.push(r.pick(['--bogus', '-x', '--out', '--perspective']))
      if (argv[0] === 'plan' && r.chance(0.5)) argv.push('--dry-run')
      if (argv[0] === 'model') argv.push('--json')
      if (argv[0] === 'docs') argv.push('--check')
      // The one folder this run may write: the results folder its arguments name (none when they are refused).
      let resultsDirs: string[] = []
      try {
        const command = parseCli(argv, base, PERSPECTIVES)
        if (command.command === 'plan') {
          // Accepted as a results folder (checked before the run touches it), else it must stay untouched too.
          claimResultsFolder(command.config.outputDir, {
            root: command.config.root,
            checkOnly: true
          })
          resultsDirs = [command.config.outputDir]
        }
      } catch {
        resultsDirs = []
      }
      const label = `#${n} ${JSON.stringify(argv)}`
      const before = snapshot(base, resultsDirs)
      const result = await runCli(argv, base)
      tally.cases++
      // `docs --check` in a folder that is not this project reports stale docs (exit 1) or fails clearly.
      checkCliCase(tally, label, result, base, before, resultsDirs)
      for (const dir of resultsDirs) rmSync(dir, { recursive: true, force: true })
    }
    const line = report(tally, started)
    console.log(line)
    expect(tally.problems).toEqual([])
  }, 1_800_000)

  describe('API faults on 127.0.0.1', () => {
    const GITHUB_TOKEN = TOKENS.ghs
    const HF_TOKEN = 'hf' + '_' + 'Zq8Lm3Xv9Pa4Rk7Wn2Yc6Td5Fg1Hj0Bs'
    let github: FakeGitHub
    let hub: FakeHub
    beforeAll(async () => {
      github = await new FakeGitHub().addToken(GITHUB_TOKEN, 'write').start()
      hub = await new FakeHub().start()
      hub.addToken(HF_TOKEN, { user: 'octo', role: 'write' })
    })
    afterAll(async () => {
      await github.stop()
      await hub.stop()
    })

    it('GitHub and Hugging Face faults: 60 cases', async () => {
      const started = performance.now()
      const tally = newTally('API faults')
      const r = seeded(SUITE_SEED + 2)
      const base = join(temp, 'api')
      const repo = join(base, 'repo')
      await makeRepository(repo, plantedSecretRepository())
      const githubFaults: (() => GitHubFault)[] = [
        () => ({ kind: 'hang', times: 1 + r.int(6) }),
        () => ({ kind: 'malformed', method: 'GET', times: 1 }),
        () => ({ kind: 'not-json', method: 'GET', times: 1 + r.int(2) }),
        () => ({ kind: 'status', status: r.pick([500, 502, 503]), times: 1 + r.int(5) }),
        () => ({ kind: 'status', status: 401, echo: true, times: 1 + r.int(3) }),
        () => ({ kind: 'status', status: 403, times: 1 }),
        () => ({ kind: 'status', status: 404, method: 'GET', times: 1 + r.int(2) }),
        () => ({ kind: 'status', status: 404, method: 'PATCH', times: 1 })
      ]
      for (let n = 0; n < 60; n++) {
        const variable = `CURSOR_${n}`
        const dataset = `octo/results-${n}`
        const initial = r.chance(0.8)
          ? `{"next":"${r.pick(IDS.slice(0, 14))}","iteration":${1 + r.int(50)}}`
          : null
        if (initial) github.setVariable('o/r', variable, initial)
        const faults: string[] = []
        for (let k = r.int(3); k > 0; k--) {
          const fault = r.pick(githubFaults)()
          github.injectFault(fault)
          faults.push(
            `gh:${fault.kind}${fault.status ?? ''}${fault.method ? `/${fault.method}` : ''}x${fault.times}`
          )
        }
        for (let k = r.int(3); k > 0; k--) {
          const status = r.pick([429, 500, 502, 503, 401, 403, 0])
          const path = r.pick([
            /^\/api\/datasets\/[^/]+\/[^/]+$/,
            /\/preupload\/main$/,
            /\/commit\/main$/,
            /\/tree\/main/,
            /^\/api\/repos\/create$/
          ])
          const hang = status === 0
          hub.injectFault({
            path,
            times: hang ? 1 : 1 + r.int(3),
            status: hang ? 500 : status,
            hang,
            ...(status === 429 ? { retryAfter: '1' } : {}),
            ...(status === 502 && r.chance(0.5) ? { afterApply: true } : {})
          })
          faults.push(`hub:${hang ? 'hang' : status}${String(path).slice(0, 18)}`)
        }
        // Injected time: a hanging request's time-out elapses on the fake clock when the server hangs.
        let clock = 0
        let pendingGitHub: { controller: AbortController; ms: number }[] = []
        github.onHang = () => {
          for (const p of pendingGitHub) {
            clock += p.ms
            p.controller.abort(new DOMException('timed out', 'TimeoutError'))
          }
          pendingGitHub = []
        }
        let hubClock = 0
        const pendingHub = new Set<AbortController>()
        hub.onHang = () => {
          hubClock += 30_000
          for (const c of pendingHub) c.abort(new DOMException('timed out', 'TimeoutError'))
          pendingHub.clear()
        }
        const hubFetch: typeof fetch = async (input, init) => {
          const controller = new AbortController()
          pendingHub.add(controller)
          const signal = init?.signal
            ? AbortSignal.any([init.signal, controller.signal])
            : controller.signal
          try {
            return await fetch(input, { ...init, signal })
          } finally {
            pendingHub.delete(controller)
          }
        }
        const choice = r.pick(['', '', '', 'scope', 'security', 'all'])
        const out = join(base, `out-${n}`)
        const inputs: Record<string, string> = {
          perspective: choice,
          path: 'repo',
          'github-token': GITHUB_TOKEN,
          'hf-token': HF_TOKEN,
          'hf-dataset': dataset,
          'hf-endpoint': hub.url,
          'cursor-variable': variable,
          'output-dir': `out-${n}`,
          'upload-failure': r.pick(['fail', 'warn'])
        }
        const processEnv = {
          GITHUB_WORKSPACE: base,
          GITHUB_REPOSITORY: 'o/r',
          GITHUB_API_URL: github.url,
          GITHUB_RUN_ID: String(1000 + n),
          GITHUB_RUN_NUMBER: String(1 + n),
          PATH: process.env.PATH
        }
        const label = `#${n} perspective='${choice}' cursor=${initial ?? 'none'} [${faults.join(' ')}]`
        const logger = recordingLogger()
        const before = snapshot(base, [out])
        tally.cases++
        let outcome
        try {
          const config = readActionConfig((name) => inputs[name] ?? '', processEnv, PERSPECTIVES)
          const env = {
            ...actionEnvironment(processEnv),
            net: {
              github: {
                now: () => clock,
                sleep: async (ms: number) => void (clock += ms),
                timeoutSignal: (ms: number) => {
                  const controller = new AbortController()
                  pendingGitHub.push({ controller, ms })
                  return controller.signal
                }
              },
              hub: {
                fetch: hubFetch,
                retryPolicy: {
                  baseDelayMs: 1,
                  maxDelayMs: 2,
                  sleep: async (ms: number) => void (hubClock += ms)
                }
              }
            }
          }
          outcome = await withinGuard(runPlan(config, env, logger), GUARD_MS)
        } catch (error) {
          if (!(error instanceof ConfigurationError))
            note(tally, 'crashes', `${label}: ${String(error).slice(0, 300)}`)
          continue
        } finally {
          github.onHang = null
          hub.onHang = null
          github.clearFaults()
          hub.clearFaults()
        }
        if (outcome === 'hang') {
          note(tally, 'hangs', label)
          continue
        }
        if (clock > 120_000)
          note(
            tally,
            'hangs',
            `${label}: GitHub calls took ${clock} ms on the fake clock (budget 120000)`
          )
        if (hubClock > 2 * 120_000)
          note(tally, 'hangs', `${label}: Hub calls took ${hubClock} ms on the fake clock`)
        const escaped = changes(before, snapshot(base, [out]))
        if (escaped.length > 0)
          note(tally, 'escapes', `${label}: ${escaped.slice(0, 3).join(', ')}`)
        const texts = [
          { path: 'log', text: logger.text() },
          { path: 'summary', text: buildSummary(outcome.summary) },
          { path: 'outputs', text: JSON.stringify(planOutputs(outcome)) },
          { path: 'failure', text: outcome.failure ?? '' },
          ...textsUnder(out),
          ...hub
            .userCommits(dataset)
            .flatMap((c, i) => [{ path: `hub commit ${i}`, text: JSON.stringify(c) }])
        ]
        const leaks = leaksIn(texts, [...SECRETS, GITHUB_TOKEN, HF_TOKEN])
        if (leaks.length > 0) note(tally, 'leaks', `${label}: ${leaks.slice(0, 3).join(', ')}`)
        const problems = resultsProblems(out)
        if (problems.length > 0) note(tally, 'losses', `${label}: ${problems[0]}`)
        // The cursor: never lost, never reset; advanced exactly once when a rotation run stored everything.
        const after = github.variable('o/r', variable)?.value ?? null
        if (initial !== null && after === null)
          note(tally, 'losses', `${label}: the cursor variable disappeared`)
        if (initial !== null && after !== null && after !== initial) {
          const was = JSON.parse(initial) as { next: string; iteration: number }
          const now = JSON.parse(after) as { next: string; iteration: number }
          const advancedOnce =
            now.iteration === was.iteration + 1 &&
            IDS.indexOf(now.next) === (IDS.indexOf(was.next) + 1) % IDS.length
          if (!advancedOnce)
            note(tally, 'losses', `${label}: cursor went from ${initial} to ${after}`)
          if (choice !== '' || !outcome.stored.complete)
            note(
              tally,
              'losses',
              `${label}: cursor moved although it must not (${initial} -> ${after})`
            )
        }
        if (outcome.stored.uploadError !== null && outcome.stored.local === null)
          note(tally, 'losses', `${label}: the local results were not kept`)
      }
      const line = report(tally, started)
      console.log(line)
      expect(tally.problems).toEqual([])
    }, 1_800_000)
  })
})
