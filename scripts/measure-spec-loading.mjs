#!/usr/bin/env node
// Measures how many generated spec files the project's own runner collects and loads as generated
// (docs/evaluation/layout.md). Usage:
//   node scripts/measure-spec-loading.mjs <repo dir> <results .jsonl> <vitest|jest|mocha|node|pytest> [python]
// The repository is copied (its node_modules linked, not copied) to <repo dir>-gen, every spec file
// is written at its suggested path, parsed for syntax errors, and the runner is run the way the
// project runs it, with no file arguments, so "loaded" also means "collected by the project's config".
// A file counts as loaded when the runner reports at least one test (passed, failed, todo or skipped)
// from it and no load error; an assertion may fail.
import { execFileSync, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import ts from 'typescript'

const [repoArg, jsonl, runner, python = 'python3'] = process.argv.slice(2)
const repo = resolve(repoArg)
const copy = `${repo}-gen`
rmSync(copy, { recursive: true, force: true })
cpSync(repo, copy, {
  recursive: true,
  filter: (src) => !src.startsWith(join(repo, 'node_modules'))
})
if (existsSync(join(repo, 'node_modules')))
  symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'), 'dir')

const records = readFileSync(jsonl, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
const specs = records.flatMap((r) => r.specs).filter((s) => s.framework !== 'none')
const byFile = new Map()
let collisions = 0
for (const s of specs) {
  if (byFile.has(s.file_name)) collisions++
  else byFile.set(s.file_name, s)
}
const frameworks = [...new Set(specs.map((s) => s.framework))]
for (const [file, s] of byFile) {
  mkdirSync(dirname(join(copy, file)), { recursive: true })
  writeFileSync(join(copy, file), s.code)
}
// As the tool's writers do (src/specs/python-packages.ts): Python specs sharing a basename
// (`python_files = tests.py`, a folder per spec) get an `__init__.py` in their folder.
const basenames = new Map()
for (const file of byFile.keys())
  if (file.endsWith('.py')) basenames.set(basename(file), (basenames.get(basename(file)) ?? 0) + 1)
for (const file of byFile.keys()) {
  if (!file.endsWith('.py') || basenames.get(basename(file)) < 2 || dirname(file) === '.') continue
  const init = join(copy, dirname(file), '__init__.py')
  if (!existsSync(init)) writeFileSync(init, '')
}

// Syntax: the TypeScript parser for JS/TS, CPython's ast for Python.
const syntax = []
const pyFiles = [...byFile.keys()].filter((f) => f.endsWith('.py'))
for (const file of byFile.keys()) {
  if (file.endsWith('.py')) continue
  const kind = /\.[cm]?tsx?$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS
  const sf = ts.createSourceFile(file, byFile.get(file).code, ts.ScriptTarget.ES2022, true, kind)
  if (sf.parseDiagnostics.length > 0)
    syntax.push(
      `${file}: ${ts.flattenDiagnosticMessageText(sf.parseDiagnostics[0].messageText, ' ')}`
    )
}
if (pyFiles.length > 0) {
  const out = execFileSync(
    python,
    [
      '-c',
      'import ast,sys,json\nbad=[]\nfor f in sys.argv[1:]:\n    try: ast.parse(open(f).read())\n    except SyntaxError as e: bad.append(f"{f}: {e.msg}")\nprint(json.dumps(bad))',
      ...pyFiles
    ],
    { cwd: copy, encoding: 'utf8' }
  )
  syntax.push(...JSON.parse(out))
}

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, {
    cwd: copy,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 600_000,
    env: { ...process.env, ...env }
  })
const loaded = new Set()
const detail = []
const rel = (p) => (p.startsWith(copy) ? p.slice(copy.length + 1) : p)
if (runner === 'vitest') {
  const out = join(copy, '.vitest-report.json')
  const r = run(join(copy, 'node_modules/.bin/vitest'), [
    'run',
    '--reporter=json',
    `--outputFile=${out}`
  ])
  if (!existsSync(out)) detail.push(r.stderr.slice(0, 3000))
  else
    for (const t of JSON.parse(readFileSync(out, 'utf8')).testResults) {
      if (t.assertionResults.length > 0) loaded.add(rel(t.name))
      else if (byFile.has(rel(t.name)))
        detail.push(`${rel(t.name)}: ${String(t.message).slice(0, 300)}`)
    }
} else if (runner === 'jest') {
  const out = join(copy, '.jest-report.json')
  run(join(copy, 'node_modules/.bin/jest'), ['--ci', '--json', `--outputFile=${out}`])
  for (const t of JSON.parse(readFileSync(out, 'utf8')).testResults) {
    if (!t.testExecError && t.assertionResults.length > 0) loaded.add(rel(t.name))
    else if (byFile.has(rel(t.name)))
      detail.push(`${rel(t.name)}: ${String(t.message).slice(0, 300)}`)
  }
} else if (runner === 'mocha') {
  // MOCHA_ARGS: what the project's own command adds (`--ui tdd`); MOCHA_PER_FILE=1: one run per spec file
  // (a test script that names its one test file collects no other; mocha before 4 reports no file names).
  const extra = (process.env.MOCHA_ARGS ?? '').split(' ').filter(Boolean)
  const mocha = join(copy, 'node_modules/.bin/mocha')
  if (process.env.MOCHA_PER_FILE === '1') {
    for (const file of byFile.keys()) {
      const r = run(mocha, ['--reporter', 'json', ...extra, file])
      let report
      try {
        report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')))
      } catch {
        detail.push(`${file}: ${r.stderr.slice(0, 300)}`)
        continue
      }
      const count = report.tests.length + (report.pending?.length ?? 0)
      if (count > 0) loaded.add(file)
      else detail.push(`${file}: no test reported; ${r.stderr.slice(0, 300)}`)
    }
  } else {
    const all = run(mocha, ['--reporter', 'json', ...extra])
    let report
    try {
      report = JSON.parse(all.stdout)
    } catch {
      detail.push(`the whole run did not load: ${all.stderr.slice(0, 1000)}`)
    }
    if (report) for (const t of [...report.tests, ...report.pending]) loaded.add(rel(t.file))
  }
} else if (runner === 'node') {
  for (const file of byFile.keys()) {
    const r = run(process.execPath, ['--test', '--test-reporter=junit', file])
    if (r.stdout.includes('<testsuites>') && !r.stdout.includes(`name="${join(copy, file)}"`))
      loaded.add(file)
    else detail.push(`${file}: ${r.stdout.slice(0, 300)}`)
  }
} else if (runner === 'pytest') {
  const out = join(copy, '.pytest.xml')
  run(python, [
    '-m',
    'pytest',
    '-q',
    '-p',
    'no:cacheprovider',
    '-p',
    'no:randomly',
    `--junitxml=${out}`
  ])
  const xml = readFileSync(out, 'utf8')
  // testcase classname is the dotted module path; a collection error has classname "".
  for (const m of xml.matchAll(
    /<testcase classname="([^"]*)" name="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g
  )) {
    const [, classname, name, , body = ''] = m
    if (classname === '') {
      // A file skipped whole (`pytest.importorskip` of an absent optional package) was collected.
      const file = `${name.replace(/\./g, '/')}.py`
      if (body.includes('<skipped') && !body.includes('<error') && byFile.has(file))
        loaded.add(file)
      else detail.push(`${name}: ${body.slice(0, 300)}`)
      continue
    }
    const parts = classname.split('.')
    for (let i = parts.length; i > 0; i--) {
      const file = `${parts.slice(0, i).join('/')}.py`
      if (byFile.has(file)) {
        loaded.add(file)
        break
      }
    }
  }
}
const files = [...byFile.keys()]
const ok = files.filter((f) => loaded.has(f))
const planOnly = [...byFile.values()].filter((s) => s.plan_only).length
console.log(
  JSON.stringify(
    {
      repo: repoArg,
      frameworks,
      specs: specs.length,
      files: files.length,
      collisions,
      planOnly,
      loaded: ok.length,
      share: files.length ? +(ok.length / files.length).toFixed(3) : null,
      syntaxErrors: syntax.length,
      syntax: syntax.slice(0, 10),
      notLoaded: files.filter((f) => !loaded.has(f)).slice(0, 40),
      detail: detail.slice(0, 15)
    },
    null,
    2
  )
)
