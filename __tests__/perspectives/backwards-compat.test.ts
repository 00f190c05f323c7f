// backwards-compat through the real pipeline: each fixture is a git repository built here (a tagged
// base commit, then HEAD), the base is chosen and read with git (src/pipeline/base.ts), and every
// planted breaking change is asserted by message id, file and line. Additions are never breaking.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import perspective from '../../perspectives/backwards-compat/index.js'
import { runPerspective } from '../../src/engine/run-perspective.js'
import { buildModel } from '../../src/model/build.js'
import { prepareBase } from '../../src/pipeline/base.js'
import { collectFacts } from '../../src/repo/facts.js'
import { loadRepository } from '../../src/repo/loader.js'
import { detectTarget } from '../../src/specs/detect.js'
import { FIXED_NOW, readFixture, testPerspective, type FixtureRun } from './harness.js'
import { tsParseErrors as tsParses } from './case-helpers.js'
import { cleanUp, commitAll, git, gitInit, tempDir, writeFiles } from '../repo/helpers.js'
import { editFile, without } from './edit-files.js'
import type { ExpectedFinding } from './harness-checks.js'

afterAll(cleanUp)

interface Repo {
  root: string
  head: Record<string, string>
}

/** A repository with `base` committed and tagged (unless `tag` is null), then `head` committed over it. */
function repository(
  base: Record<string, string>,
  head: Record<string, string>,
  tag: string | null = 'v1.0.0'
): Repo {
  const root = tempDir('bc-')
  gitInit(root)
  writeFiles(root, base)
  commitAll(root, 'base')
  if (tag) git(root, ['tag', tag])
  for (const path of Object.keys(base)) if (!(path in head)) rmSync(`${root}/${path}`)
  writeFiles(root, head)
  commitAll(root, 'head', { date: '2024-02-01T12:00:00Z' })
  return { root, head }
}

/** Splits `__tests__/fixtures/<name>/{base,head}/...` into the two trees. */
function fixtureTrees(name: string): {
  base: Record<string, string>
  head: Record<string, string>
} {
  const all = readFixture(name)
  const pick = (prefix: string) =>
    Object.fromEntries(
      Object.entries(all)
        .filter(([p]) => p.startsWith(prefix))
        .map(([p, t]) => [p.slice(prefix.length), t])
    )
  return { base: pick('base/'), head: pick('head/') }
}

async function run(
  root: string,
  head: Record<string, string>,
  choose: { baseRef?: string; previousCommit?: string } = {}
): Promise<FixtureRun> {
  const repo = await loadRepository(root, {})
  const facts = await collectFacts(repo, {})
  const model = await buildModel(repo, facts)
  const texts = new Map(repo.files.map((f) => [f.path, f.text]))
  const { base } = await prepareBase(root, choose)
  const result = await runPerspective(perspective, {
    model,
    options: undefined,
    target: detectTarget(facts, model.modules),
    now: FIXED_NOW,
    source: (p) => texts.get(p),
    base
  })
  return { run: result, model, repo, files: head }
}

function found(result: FixtureRun): [string, string | null, number | null][] {
  return result.run.findings
    .map((f) => [f.messageId, f.file, f.startLine] as [string, string | null, number | null])
    .sort((a, b) =>
      `${a[1]}:${String(a[2]).padStart(4)}:${a[0]}`.localeCompare(
        `${b[1]}:${String(b[2]).padStart(4)}:${b[0]}`
      )
    )
}

function byMessage(result: FixtureRun, messageId: string, symbol?: string) {
  return result.run.findings.filter(
    (f) =>
      f.messageId === messageId &&
      (symbol === undefined || f.symbol === symbol || f.message.includes(symbol))
  )
}

function pyParses(code: string): void {
  execFileSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: code })
}

// The manifests live here, not in the fixture folder: two package.json files named alike there would
// collide in jest's module map.
const TS_MANIFESTS = {
  base: JSON.stringify(
    {
      name: 'pkg',
      version: '1.0.0',
      main: 'dist/index.js',
      bin: { pkg: 'bin/cli.js', 'pkg-old': 'bin/old.js' },
      engines: { node: '>=14' },
      exports: { '.': './dist/index.js', './utils': './lib/util.js', './legacy': './lib/legacy.js' }
    },
    null,
    2
  ),
  head: JSON.stringify(
    {
      name: 'pkg',
      version: '1.1.0',
      type: 'module',
      main: 'dist/index.js',
      bin: { pkg: 'bin/cli.js' },
      engines: { node: '>=18' },
      exports: { '.': './dist/index.js', './utils': './lib/util.js' }
    },
    null,
    2
  )
}

/** A git history of two commits: `base` tagged `tag`, then `head` (the tree the case analyses). */
function tagged(base: Record<string, string>, head: Record<string, string>, tag: string) {
  return {
    commits: [
      { date: '2024-01-01T12:00:00Z', files: base, tag },
      { date: '2024-02-01T12:00:00Z', files: head }
    ],
    base: {}
  }
}

const TS_TREES = fixtureTrees('backwards-compat-ts')
TS_TREES.base['package.json'] = TS_MANIFESTS.base
TS_TREES.head['package.json'] = TS_MANIFESTS.head
const PY_TREES = fixtureTrees('backwards-compat-py')
const pyproject = (version: string) => `[project]\nname = "conv"\nversion = "${version}"\n`
const convModule = (params: string, returns: string) =>
  `__all__ = ["to_number"]\n\n\ndef to_number(${params}) -> ${returns}:\n    return 1\n`
const npmPackage = (version: string, types?: string) =>
  JSON.stringify({ name: 'pkg', version, main: 'index.js', ...(types ? { types } : {}) })
const DTS_BASE = {
  'package.json': npmPackage('1.0.0', 'index.d.ts'),
  'index.js': 'export const x = 1\n',
  'index.d.ts': 'export declare const x: number\n',
  'lib/extra.d.ts': 'export declare function pad(text: string): string\n'
}
const DTS_HEAD = {
  ...DTS_BASE,
  'package.json': npmPackage('2.0.0', 'index.d.ts'),
  'lib/extra.d.ts': 'export declare function pad(text: number): string\n'
}
// JavaScript whose return type only JSDoc documents (socket.io-parser 3's `Decoder.add`).
const JSDOC_BASE = {
  'package.json': JSON.stringify({ name: 'doc', version: '1.0.0', main: 'index.js' }),
  'index.js': '/** @returns {Object} */\nexports.add = function add() { return {} }\n'
}
const JSDOC_HEAD = {
  'package.json': JSON.stringify({ name: 'doc', version: '2.0.0', main: 'index.js' }),
  'index.js': '/** @returns {string} */\nexports.add = function add() { return "" }\n'
}
/** A git history of two commits and no tag: nothing to compare with. */
function untagged(base: Record<string, string>, head: Record<string, string>) {
  const { commits } = tagged(base, head, '')
  return { commits: commits.map(({ date, files }) => ({ date, files })), base: {} }
}

// A setuptools release: a module removed, python_requires raised and a minor version bump, the
// version kept in the package (`version = attr: signer.__version__`).
const setupCfg = (python: string) =>
  `[metadata]\nname = signer\nversion = attr: signer.__version__\n\n[options]\npackages = find:\npackage_dir =\n    = src\npython_requires = ${python}\n`
const SIGNER_BASE = {
  'setup.cfg': setupCfg('>= 3.6'),
  'src/signer/__init__.py':
    'from .core import sign\nfrom .jws import JWSSigner\n\n__version__ = "2.0.1"\n',
  'src/signer/core.py':
    'import typing as _t\n\n_str_bytes = _t.Union[str, bytes]\n\n\ndef sign(value: _t.Optional[str], key: _t.Union[str, bytes]) -> _t.Optional[str]:\n    return value\n\n\ndef verify(sig: bytes, key: _str_bytes) -> bool:\n    return bool(sig)\n',
  'src/signer/jws.py': 'class JWSSigner:\n    def dumps(self, obj):\n        return str(obj)\n'
}
const SIGNER_HEAD = {
  'setup.cfg': setupCfg('>= 3.7'),
  'src/signer/__init__.py': 'from .core import sign\n\n__version__ = "2.1.0"\n',
  // Only the spelling of the first annotations changed; verify's sig really takes str now.
  'src/signer/core.py':
    'from __future__ import annotations\n\n\ndef sign(value: str | None, key: str | bytes) -> str | None:\n    return value\n\n\ndef verify(sig: str, key: str | bytes) -> bool:\n    return bool(sig)\n'
}

// A public Python module gone as a whole (pyjwt 2's jwt.contrib): one moduleRemoved that takes in its
// names; kept in place (the near miss), nothing is reported.
const MODULE_BASE = {
  'pyproject.toml': '[project]\nname = "pkg"\nversion = "1.0.0"\n',
  'pkg/__init__.py': 'from .util import run\n',
  'pkg/util.py': 'def run():\n    return 1\n',
  'pkg/contrib.py': 'def extra():\n    return 2\n\n\nclass Helper:\n    pass\n'
}
const MODULE_HEAD = {
  'pyproject.toml': '[project]\nname = "pkg"\nversion = "2.0.0"\n',
  'pkg/__init__.py': 'from .util import run\n',
  'pkg/util.py': 'def run():\n    return 1\n'
}

// Python conventions that are not breaking: @overload stubs, a module __getattr__, __positional names.
const CLI_BASE = {
  'pyproject.toml': '[project]\nname = "cli"\nversion = "8.1.0"\n',
  'cli/core.py': [
    'class BaseCommand:',
    '    pass',
    '',
    '',
    'class Context:',
    '    def invoke(self, __callback, *args, **kwargs):',
    '        return __callback(*args, **kwargs)',
    ''
  ].join('\n'),
  'cli/decorators.py': 'def command(name=None, cls=None, **attrs):\n    return name\n'
}
const CLI_HEAD = {
  'pyproject.toml': '[project]\nname = "cli"\nversion = "8.2.0"\n',
  'cli/core.py': [
    'import warnings',
    '',
    '',
    'class _BaseCommand:',
    '    pass',
    '',
    '',
    'class Context:',
    '    def invoke(self, callback, /, *args, **kwargs):',
    '        return callback(*args, **kwargs)',
    '',
    '',
    'def __getattr__(name):',
    '    if name == "BaseCommand":',
    '        warnings.warn("BaseCommand is deprecated", DeprecationWarning)',
    '        return _BaseCommand',
    '    raise AttributeError(name)',
    ''
  ].join('\n'),
  'cli/decorators.py': [
    'import typing as t',
    '',
    '',
    '@t.overload',
    'def command(name: t.Callable) -> int: ...',
    '',
    '',
    '@t.overload',
    'def command(name: str | None = None, cls: type | None = None) -> str: ...',
    '',
    '',
    'def command(name=None, cls=None, **attrs):',
    '    return name',
    ''
  ].join('\n')
}

const setupPy = (python: string) =>
  `from setuptools import setup\n\nsetup(\n    name="web",\n    python_requires="${python}",\n)\n`
const WEB_BASE = {
  'setup.py': setupPy('>=3.7'),
  'web/__init__.py': 'def get(url):\n    return url\n'
}
const WEB_HEAD = { ...WEB_BASE, 'setup.py': setupPy('>=3.8') }

const peerManifest = (version: string, webpack: string) =>
  JSON.stringify({ name: 'plug', version, main: 'index.js', peerDependencies: { webpack } })
const PEER_BASE = {
  'package.json': peerManifest('1.0.0', '^4.0.0 || ^5.0.0'),
  'index.js': 'module.exports = function plugin() {}\n'
}
const PEER_HEAD = { ...PEER_BASE, 'package.json': peerManifest('2.0.0', '^5.20.0') }
const PEER_WIDENED = {
  ...PEER_BASE,
  'package.json': peerManifest('1.1.0', '^4.0.0 || ^5.0.0 || ^6.0.0')
}

const typedManifest = (version: string) =>
  JSON.stringify({ name: 'typed', version, main: 'index.js', types: 'index.d.ts' })
const TYPED_BASE = {
  'package.json': typedManifest('3.0.0'),
  'index.d.ts':
    'export declare function load(path: string): Buffer;\nexport declare function old(): void;\nexport interface Loader {\n  load(path: string): void\n}\n'
}
const TYPED_HEAD = {
  'package.json': typedManifest('4.0.0'),
  'index.d.ts':
    'export declare function load(path: string, encoding: string): Buffer;\nexport interface Loader {\n  load(path: string): void\n}\n'
}

const ADDITIONS_BASE = {
  'src/a.ts': 'export function a(x: number): number {\n  return x\n}\n',
  'package.json': '{"name":"p","version":"1.0.0"}\n'
}
const ADDITIONS_HEAD = {
  'src/a.ts':
    'export function a(x: number, y?: number): number {\n  return x\n}\nexport function b(): void {}\n',
  'package.json': '{"name":"p","version":"1.1.0","bin":{"p":"cli.js"}}\n'
}
const LAZY_BASE = {
  'index.js': 'function parse(text) {\n  return text\n}\nmodule.exports = { parse }\n',
  'package.json': '{"name":"lazy","version":"1.0.0","main":"index.js"}'
}
const LAZY_HEAD = {
  'index.js':
    "const lazy = (key, path) => Object.defineProperty(exports, key, { get: () => require(path), enumerable: true })\nlazy('parse', './lib/parse')\n",
  'lib/parse.js': 'module.exports = function parse(text) {\n  return text\n}\n',
  'package.json': '{"name":"lazy","version":"1.0.1","main":"index.js"}'
}
const closedManifest = (version: string) =>
  JSON.stringify({ name: 'closed', version, exports: { '.': './index.js' } })
const CLOSED_BASE = {
  'index.js': "const { helper } = require('./lib/internal.js')\nexports.run = (x) => helper(x)\n",
  'lib/internal.js': 'exports.helper = (x) => x\nexports.other = () => 1\n',
  'package.json': closedManifest('1.0.0')
}
const CLOSED_HEAD = {
  ...CLOSED_BASE,
  'lib/internal.js': 'exports.helper = (x, y) => x + y\n',
  'package.json': closedManifest('1.0.1')
}

const deepManifest = (version: string, listsUtil = false) =>
  JSON.stringify({
    name: 'deep',
    version,
    main: 'index.js',
    exports: { '.': './index.js', ...(listsUtil ? { './lib/util': './lib/util.js' } : {}) }
  })
const DEEP_BASE = {
  'package.json': JSON.stringify({ name: 'deep', version: '1.0.0', main: 'index.js' }),
  'index.js': "module.exports = require('./lib/util.js')\n",
  'lib/util.js': 'exports.pad = (text) => text\n'
}
const DEEP_HEAD = { ...DEEP_BASE, 'package.json': deepManifest('2.0.0') }

const at = (messageId: string, file: string | null = null, line: number | null = null) => ({
  messageId,
  file,
  line
})

const TS_EXPECTED: ExpectedFinding[] = [
  at('apiChanged', 'src/index.ts', 1),
  at('apiChanged', 'src/index.ts', 4),
  at('apiRemoved', 'src/index.ts', 7),
  at('apiChanged', 'src/index.ts', 12),
  at('defaultChanged', 'src/index.ts', 14),
  at('apiChanged', 'lib/util.js', 1), // the compiler reads the JavaScript subpath
  at('apiRemoved'),
  at('apiRemoved'),
  at('apiRemoved'),
  at('entryPointRemoved'),
  at('moduleTypeChanged'),
  at('engineRaised'),
  at('binRemoved'),
  at('cliOptionRemoved'),
  at('versionBumpTooSmall')
]
const PY_EXPECTED: ExpectedFinding[] = [
  at('keywordOnlyChanged', 'mylib/api.py', 4),
  at('keywordOnlyChanged', 'mylib/api.py', 4),
  at('defaultChanged', 'mylib/api.py', 4),
  at('parameterRenamed', 'mylib/api.py', 8),
  at('requiredParameterAdded', 'mylib/api.py', 8),
  at('parameterRemoved', 'mylib/api.py', 17),
  at('exportRemoved'),
  at('memberRemoved'),
  at('engineRaised'),
  at('cliOptionRemoved'),
  at('versionBumpTooSmall')
]

/** A near miss of a tagged fixture: its head with one breaking change undone. */
function headEdited(
  trees: { base: Record<string, string>; head: Record<string, string> },
  tag: string,
  path: string,
  ...edits: [string, string][]
) {
  const head = editFile(trees.head, path, ...edits)
  return { files: head, git: tagged(trees.base, head, tag) }
}
const tsHead = (path: string, ...edits: [string, string][]) =>
  headEdited(TS_TREES, 'v1.0.0', path, ...edits)
const pyHead = (path: string, ...edits: [string, string][]) =>
  headEdited(PY_TREES, '2.0.0', path, ...edits)
const API_PY = 'mylib/api.py'
const typedHead = (...edits: [string, string][]) => editFile(TYPED_HEAD, 'index.d.ts', ...edits)

testPerspective(perspective, {
  valid: [
    {
      name: 'peer range near miss: widened to admit webpack 6, none dropped',
      files: PEER_WIDENED,
      git: tagged(PEER_BASE, PEER_WIDENED, 'v1.0.0')
    },
    {
      name: 'a Python module kept in place (near miss of the module removed)',
      files: { ...MODULE_HEAD, 'pkg/contrib.py': MODULE_BASE['pkg/contrib.py'] },
      git: tagged(
        MODULE_BASE,
        { ...MODULE_HEAD, 'pkg/contrib.py': MODULE_BASE['pkg/contrib.py'] },
        '1.0.0'
      )
    },
    { name: 'an empty repository', files: {} },
    {
      name: 'a Python return narrowed to a type the old one includes',
      files: {
        'pyproject.toml': pyproject('1.0.1'),
        'conv/__init__.py': convModule('text: str', 'int')
      },
      baseFiles: {
        'pyproject.toml': pyproject('1.0.0'),
        'conv/__init__.py': convModule('text: str', 'int | None')
      }
    },
    {
      // black rewrites 'HS256' as "HS256": the same string (judged not real on pyjwt 2.0.0 and webob).
      name: 'a Python string default written with the other quote style',
      files: {
        'pyproject.toml': pyproject('1.0.1'),
        'conv/__init__.py': convModule('text: str, alg: str = "HS256", key: str = ""', 'int')
      },
      baseFiles: {
        'pyproject.toml': pyproject('1.0.0'),
        'conv/__init__.py': convModule("text: str, alg: str = 'HS256', key: str = ''", 'int')
      }
    },
    {
      // lib/extra.d.ts is reached by no entry (nor `exports` pattern): a private file.
      name: 'a shipped declaration file the types entry does not reach, changed',
      files: DTS_HEAD,
      git: tagged(DTS_BASE, DTS_HEAD, 'v1.0.0')
    },
    {
      // `{Object}` -> `{object}` names the same type: not even a note (the body changed).
      name: 'a JSDoc return type in JavaScript respelled',
      files: { ...JSDOC_HEAD, 'index.js': JSDOC_HEAD['index.js'].replace('{string}', '{object}') },
      git: tagged(
        JSDOC_BASE,
        { ...JSDOC_HEAD, 'index.js': JSDOC_HEAD['index.js'].replace('{string}', '{object}') },
        'v1.0.0'
      )
    },
    {
      name: 'a declaration file unchanged but for the version',
      files: { ...DTS_BASE, 'package.json': npmPackage('1.0.1', 'index.d.ts') },
      git: tagged(
        DTS_BASE,
        { ...DTS_BASE, 'package.json': npmPackage('1.0.1', 'index.d.ts') },
        'v1.0.0'
      )
    },
    {
      name: 'Python conventions: implementations not @overload stubs, names a module __getattr__ serves, __positional renames',
      files: CLI_HEAD,
      git: tagged(CLI_BASE, CLI_HEAD, '8.1.0'),
      check: (result) => {
        expect(result.run.report).toContain(
          '<code>BaseCommand</code>: <code>cli/core.py</code> → <code>cli/core.py (served by its module &#95;&#95;getattr'
        )
      }
    },
    {
      name: 'additions only: a minor release advised',
      files: ADDITIONS_HEAD,
      git: tagged(ADDITIONS_BASE, ADDITIONS_HEAD, 'v1.0.0'),
      check: (result) => {
        const details = result.run.details as {
          requiredBump: string
          additions: { name: string; what: string }[]
        }
        expect(details.requiredBump).toBe('minor')
        expect(details.additions).toEqual([
          { file: 'src/a.ts', name: 'b', what: 'function added' },
          { file: 'src/a.ts', name: 'a', what: 'optional parameter y added' }
        ])
        expect(result.run.report).toContain('No breaking changes found')
      }
    },
    {
      name: 'an entry export defined at run time (a name in a string of the entry module) is not called removed',
      files: LAZY_HEAD,
      git: tagged(LAZY_BASE, LAZY_HEAD, 'v1.0.0'),
      check: (result) => {
        expect((result.run.details as { moved: { name: string; to: string }[] }).moved).toEqual([
          {
            name: 'parse',
            from: 'index.js',
            to: 'index.js (named in a string there: an export static analysis cannot see)'
          }
        ])
      }
    },
    {
      name: 'with an exports map only the entry modules are API: an internal module may change freely',
      files: CLOSED_HEAD,
      git: tagged(CLOSED_BASE, CLOSED_HEAD, 'v1.0.0')
    },
    {
      name: 'no tags and no earlier result: the report says why there is no base',
      files: { 'a.py': 'def g():\n    pass\n' },
      git: untagged({ 'a.py': 'def f(x):\n    pass\n' }, { 'a.py': 'def g():\n    pass\n' }),
      check: (result) => {
        expect(
          (result.run.details as { base: { unavailable: string } }).base.unavailable
        ).toContain('no semver tag')
        expect(result.run.report).toContain('the base is unavailable')
        expect(result.run.report).toContain('set the base-ref input')
      }
    },
    {
      name: 'the base-ref input wins over tags',
      files: { 'a.py': 'def f():\n    pass\n' },
      git: {
        ...tagged(
          { 'a.py': 'def f(x):\n    pass\n' },
          { 'a.py': 'def f():\n    pass\n' },
          'v1.0.0'
        ),
        base: { baseRef: 'HEAD' }
      },
      check: (result) => {
        expect((result.run.details as { base: { how: string } }).base.how).toBe('input')
      }
    },
    {
      name: 'an exports map that lists the deep path (near miss of deepImportsClosed)',
      files: { ...DEEP_HEAD, 'package.json': deepManifest('2.0.0', true) },
      baseFiles: DEEP_BASE
    },
    {
      name: 'a Python parameter positional-only at the base already (near miss of positionalOnlyChanged)',
      files: {
        'pyproject.toml': pyproject('2.0.0'),
        'conv/__init__.py': convModule('text: str, /, base: int = 10', 'int'),
        'conv/load.py': 'def load(__fp, *, strict=False):\n    return __fp.read()\n'
      },
      baseFiles: {
        'pyproject.toml': pyproject('1.0.0'),
        'conv/__init__.py': convModule('text: str, /, base: int = 10', 'int'),
        'conv/load.py': 'def load(__fp, *, strict=False):\n    return __fp.read()\n'
      }
    },
    {
      name: 'a type kept where the reporting case removed it (near miss of typeRemoved)',
      files: {
        'package.json': npmPackage('2.0.0'),
        'index.js': 'export const x = 1\n',
        'lib/shapes.ts':
          'export interface Circle {\n  r: number\n}\nexport type Square = { side: number }\n'
      },
      baseFiles: {
        'package.json': npmPackage('1.0.0'),
        'index.js': 'export const x = 1\n',
        'lib/shapes.ts':
          'export interface Circle {\n  r: number\n}\nexport type Square = { side: number }\n'
      }
    }
  ],
  invalid: [
    {
      name: 'a peer range that no longer admits webpack 4',
      files: PEER_HEAD,
      git: tagged(PEER_BASE, PEER_HEAD, 'v1.0.0'),
      expected: [at('peerDependencyNarrowed')]
    },
    {
      name: 'a public Python module removed: one moduleRemoved naming what it exported',
      files: MODULE_HEAD,
      git: tagged(MODULE_BASE, MODULE_HEAD, '1.0.0'),
      expected: [at('moduleRemoved')],
      check: (result) => {
        expect(byMessage(result, 'moduleRemoved')[0].message).toContain(
          '`pkg.contrib` (pkg/contrib.py at 1.0.0) is gone at HEAD: `import pkg.contrib` stops resolving; it exported `extra`, `Helper`.'
        )
      }
    },
    {
      name: 'TypeScript and JavaScript: every planted breaking change',
      files: TS_TREES.head,
      git: tagged(TS_TREES.base, TS_TREES.head, 'v1.0.0'),
      expected: TS_EXPECTED,
      check: (result) => {
        // Where a removed thing was at the base, quoting the base text.
        const [helper] = byMessage(result, 'apiRemoved', 'oldHelper')
        // The old declaration and where it was; the semver advice from the base version.
        expect(helper.message).toBe(
          'Function `oldHelper` of the package entry `.` was `oldHelper(x: number): number` (src/index.ts:7 at v1.0.0) and is removed at HEAD: code that imports it breaks. Semver: a major release: 2.0.0.'
        )
        expect(helper.where[0]).toBe(
          'src/index.ts:7 at v1.0.0: export function oldHelper(x: number): number {'
        )
        expect(helper.lookedFor).toContain('exported by the package entry . at v1.0.0')
        const [close] = byMessage(result, 'apiRemoved', 'Client.close')
        expect(close.where[0]).toBe('src/index.ts:16 at v1.0.0: close(): void {}')
        const [renamed] = byMessage(result, 'apiRemoved', 'legacyName')
        expect(renamed.title).toBe('Function legacyName renamed to `renamedName`')
        expect(renamed.message).toContain(
          '(`renamedName(a: string, b: number): string`, src/index.ts:7)'
        )
        expect(renamed.snippet).toContain('export function renamedName(a: string, b: number)')
        // A change quotes both declarations with both locations.
        const [get] = byMessage(result, 'apiChanged', 'Client.get')
        expect(get.message).toContain(
          'At v1.0.0: `get(path: string): string` (src/index.ts:15); at HEAD: `get(path: number): string` (src/index.ts:12)'
        )
        const [verbose] = byMessage(result, 'cliOptionRemoved')
        expect(verbose.message).toContain('`--verbose`')
        expect(verbose.where[0]).toMatch(/^bin\/cli\.js:2 at v1\.0\.0: /)
        const [subpath] = byMessage(result, 'entryPointRemoved')
        expect(subpath.message).toContain('`pkg/legacy` stops resolving')
        expect(byMessage(result, 'engineRaised')[0].message).toContain(
          '`>=14` at v1.0.0 and requires `>=18`'
        )
        // The bump needed against the version change made; additions listed apart.
        const [bump] = byMessage(result, 'versionBumpTooSmall')
        expect(bump.title).toBe('Version 1.1.0 is a minor change; the breaking changes need major')
        expect(bump.severity).toBe('high')
        expect(bump.message).toContain('(2.0.0)')
        const details = result.run.details as {
          requiredBump: string
          additions: { name: string; what: string }[]
          base: { ref: string; how: string }
        }
        expect(details.requiredBump).toBe('major')
        expect(details.base).toMatchObject({ ref: 'v1.0.0', how: 'tag' })
        expect(details.additions).toEqual(
          expect.arrayContaining([{ file: 'src/index.ts', name: 'added', what: 'function added' }])
        )
        expect(
          result.run.findings.some((f) => f.message.includes('`added`') || f.symbol === 'added')
        ).toBe(false)
        expect(details.additions.some((a) => a.name === 'renamedName')).toBe(false) // claimed by the rename
        expect(result.run.report).toContain('#### Additions (not breaking)')
        expect(result.run.report).toContain('**major** release')
        // Contract specs that pin the changed signatures and parse.
        const specs = result.run.specs
        expect(specs.length).toBeGreaterThan(0)
        const format = specs.find((s) => s.title === 'format keeps its public signature')
        expect(format?.code).toContain('assert.strictEqual(subject.length, 2)')
        expect(format?.covers).toEqual(byMessage(result, 'apiChanged', 'format').map((f) => f.id))
        const count = specs.find((s) => s.title === 'count keeps its public signature')
        expect(count?.code).toContain('assert.strictEqual(subject.length, 1)') // `limit = 20` has a default
        for (const spec of specs) expect(tsParses(spec.code)).toEqual([])
      }
    },
    {
      name: 'Python: every planted breaking change',
      files: PY_TREES.head,
      git: tagged(PY_TREES.base, PY_TREES.head, '2.0.0'),
      expected: PY_EXPECTED,
      check: (result) => {
        expect(
          result.run.findings.some(
            (f) => f.message.includes('internal_helper') || f.message.includes('_private')
          )
        ).toBe(false)
        expect(byMessage(result, 'parameterRenamed')[0].message).toContain(
          '`text` of `parse_date` is now `value`'
        )
        expect(byMessage(result, 'cliOptionRemoved')[0].message).toContain('`--fast`')
        expect(byMessage(result, 'versionBumpTooSmall')[0].title).toBe(
          'Version 2.0.1 is a patch change; the breaking changes need major'
        )
        // inspect.signature contract specs that parse.
        const fetch = result.run.specs.find((s) => s.title === 'fetch keeps its public signature')
        expect(fetch?.code).toContain(
          "assert [p.name for p in params] == ['url', 'timeout', 'retries']"
        )
        expect(fetch?.code).toContain(
          "== ['POSITIONAL_OR_KEYWORD', 'KEYWORD_ONLY', 'KEYWORD_ONLY']"
        )
        expect(fetch?.code).toContain('assert params[1].default == 30')
        for (const spec of result.run.specs) pyParses(spec.code)
      }
    },
    {
      name: 'Python fixture near miss: fetch keeps timeout and retries positional',
      ...pyHead(API_PY, ['def fetch(url, *, timeout=30', 'def fetch(url, timeout=30']),
      expected: without(PY_EXPECTED, 'keywordOnlyChanged')
    },
    {
      name: "Python fixture near miss: fetch's timeout keeps its default of 10",
      ...pyHead(API_PY, ['timeout=30', 'timeout=10']),
      expected: without(PY_EXPECTED, 'defaultChanged')
    },
    {
      name: "Python fixture near miss: parse_date's first parameter keeps its name text",
      ...pyHead(API_PY, [
        'def parse_date(value, fmt, tz):\n    return (value, fmt, tz)',
        'def parse_date(text, fmt, tz):\n    return (text, fmt, tz)'
      ]),
      expected: without(PY_EXPECTED, 'parameterRenamed')
    },
    {
      name: "Python fixture near miss: parse_date's new tz parameter has a default",
      ...pyHead(API_PY, ['fmt, tz):', 'fmt, tz=None):']),
      expected: without(PY_EXPECTED, 'requiredParameterAdded')
    },
    {
      name: 'Python fixture near miss: Store.get keeps its default parameter',
      ...pyHead(API_PY, ['def get(self, key):', 'def get(self, key, default=None):']),
      expected: without(PY_EXPECTED, 'parameterRemoved')
    },
    {
      name: 'Python fixture near miss: shout stays exported',
      ...pyHead(
        API_PY,
        ["'added_fn']", "'added_fn', 'shout']"],
        [
          '        return key\n',
          '        return key\n\n\ndef shout(msg):\n    return msg.upper()\n'
        ]
      ),
      expected: without(PY_EXPECTED, 'exportRemoved')
    },
    {
      name: 'Python fixture near miss: Store keeps its put method',
      ...pyHead(API_PY, [
        '        return key\n',
        '        return key\n\n    def put(self, key, value):\n        return (key, value)\n'
      ]),
      expected: without(PY_EXPECTED, 'memberRemoved')
    },
    {
      name: 'Python fixture near miss: requires-python stays at >=3.8',
      ...pyHead('pyproject.toml', ['>=3.10', '>=3.8']),
      expected: without(PY_EXPECTED, 'engineRaised')
    },
    {
      name: 'Python fixture near miss: the command keeps its --fast option',
      ...pyHead('mylib/cli.py', [
        "    parser.add_argument('--output', '-o')\n",
        "    parser.add_argument('--output', '-o')\n    parser.add_argument('--fast', action='store_true')\n"
      ]),
      expected: without(PY_EXPECTED, 'cliOptionRemoved')
    },
    {
      name: 'TypeScript fixture near miss: the exports map keeps ./legacy',
      ...tsHead('package.json', [
        '"./utils": "./lib/util.js"\n',
        '"./utils": "./lib/util.js",\n    "./legacy": "./lib/legacy.js"\n'
      ]),
      expected: without(TS_EXPECTED, 'entryPointRemoved')
    },
    {
      name: 'TypeScript fixture near miss: the package stays CommonJS (no "type": "module")',
      ...tsHead('package.json', ['  "type": "module",\n', '']),
      expected: without(TS_EXPECTED, 'moduleTypeChanged')
    },
    {
      name: 'TypeScript fixture near miss: the pkg-old command stays in bin',
      ...tsHead('package.json', [
        '"pkg": "bin/cli.js"\n',
        '"pkg": "bin/cli.js",\n    "pkg-old": "bin/old.js"\n'
      ]),
      expected: without(TS_EXPECTED, 'binRemoved')
    },
    {
      name: 'a Python return type changed to another type, in a minor release',
      files: {
        'pyproject.toml': pyproject('1.1.0'),
        'conv/__init__.py': convModule('text: str', 'str')
      },
      baseFiles: {
        'pyproject.toml': pyproject('1.0.0'),
        'conv/__init__.py': convModule('text: str', 'int')
      },
      expected: [at('versionBumpTooSmall'), at('returnTypeChanged', 'conv/__init__.py', 4)]
    },
    {
      name: 'a Python string default changed in value (the twin of the quote-style case)',
      files: {
        'pyproject.toml': pyproject('2.0.0'),
        'conv/__init__.py': convModule('text: str, alg: str = "RS256"', 'int')
      },
      baseFiles: {
        'pyproject.toml': pyproject('1.0.0'),
        'conv/__init__.py': convModule("text: str, alg: str = 'HS256'", 'int')
      },
      expected: [at('defaultChanged', 'conv/__init__.py', 4)]
    },
    {
      name: 'a Python parameter that had a default made required, typed',
      files: {
        'pyproject.toml': pyproject('2.0.0'),
        'conv/__init__.py': convModule('text: str, base: int', 'int')
      },
      baseFiles: {
        'pyproject.toml': pyproject('1.0.0'),
        'conv/__init__.py': convModule('text: str, base: int = 10', 'int')
      },
      expected: [at('optionalMadeRequired', 'conv/__init__.py', 4)]
    },
    {
      name: 'an exports map added where there was none closes a deep import (fs-extra 11)',
      files: DEEP_HEAD,
      baseFiles: DEEP_BASE,
      expected: [at('deepImportsClosed')]
    },
    {
      name: 'a Python parameter made positional-only, by `/` and by a `__name` (tomli 2)',
      files: {
        'pyproject.toml': pyproject('2.0.0'),
        'conv/__init__.py': convModule('text: str, /, base: int = 10', 'int'),
        'conv/load.py': 'def load(__fp, *, strict=False):\n    return __fp.read()\n'
      },
      baseFiles: {
        'pyproject.toml': pyproject('1.0.0'),
        'conv/__init__.py': convModule('text: str, base: int = 10', 'int'),
        'conv/load.py': 'def load(fp, *, strict=False):\n    return fp.read()\n'
      },
      expected: [
        at('positionalOnlyChanged', 'conv/__init__.py', 4),
        at('positionalOnlyChanged', 'conv/load.py', 1)
      ]
    },
    {
      name: 'a Python parameter annotation changed to an unrelated type, in a major release',
      files: {
        'pyproject.toml': pyproject('2.0.0'),
        'conv/__init__.py': convModule('text: str', 'int')
      },
      baseFiles: {
        'pyproject.toml': pyproject('1.0.0'),
        'conv/__init__.py': convModule('text: bytes', 'int')
      },
      expected: [at('parameterTypeChanged', 'conv/__init__.py', 4)]
    },
    {
      name: 'an exported type removed from a module the entry does not reach',
      files: {
        'package.json': npmPackage('2.0.0'),
        'index.js': 'export const x = 1\n',
        'lib/shapes.ts': 'export interface Circle {\n  r: number\n}\n'
      },
      baseFiles: {
        'package.json': npmPackage('1.0.0'),
        'index.js': 'export const x = 1\n',
        'lib/shapes.ts':
          'export interface Circle {\n  r: number\n}\nexport type Square = { side: number }\n'
      },
      expected: [at('typeRemoved')]
    },
    {
      // With no surface from the entry (it declares nothing), the model's comparison speaks for the files.
      name: 'a shipped declaration file changed where the types entry declares nothing',
      files: { ...DTS_HEAD, 'index.d.ts': 'export {}\n' },
      git: tagged(
        { ...DTS_BASE, 'index.d.ts': 'export {}\n' },
        { ...DTS_HEAD, 'index.d.ts': 'export {}\n' },
        'v1.0.0'
      ),
      expected: [at('declarationChanged', 'lib/extra.d.ts', 1)]
    },
    {
      name: 'a JSDoc return type in JavaScript changed: a note for review',
      files: JSDOC_HEAD,
      git: tagged(JSDOC_BASE, JSDOC_HEAD, 'v1.0.0'),
      expected: [at('apiNote', 'index.js', 2)]
    },
    {
      name: 'a setuptools release: version read from the package, python_requires raised, annotations compared by meaning, the minor bump too small',
      files: SIGNER_HEAD,
      git: tagged(SIGNER_BASE, SIGNER_HEAD, '2.0.1'),
      expected: [
        // src/signer/jws.py is gone: its JWSSigner is one change with the module.
        at('moduleRemoved'),
        at('engineRaised'),
        at('versionBumpTooSmall'),
        at('parameterTypeChanged', 'src/signer/core.py', 8)
      ],
      check: (result) => {
        // `key: _str_bytes` named an alias at the base: not compared on its spelling.
        expect(byMessage(result, 'parameterTypeChanged').map((f) => f.message)).toEqual([
          expect.stringContaining('`sig`')
        ])
        expect(byMessage(result, 'engineRaised')[0].title).toBe(
          'Python requirement raised to >= 3.7'
        )
        expect(byMessage(result, 'versionBumpTooSmall')[0].title).toBe(
          'Version 2.1.0 is a minor change; the breaking changes need major'
        )
      }
    },
    {
      name: 'setup.py: python_requires read from the setup() call in the model',
      files: WEB_HEAD,
      git: tagged(WEB_BASE, WEB_HEAD, 'v2.31.0'),
      expected: [at('engineRaised')],
      check: (result) => {
        expect(result.run.findings[0].title).toBe('Python requirement raised to >=3.8')
      }
    },
    {
      name: 'shipped declarations: .d.ts exports compared where package.json names its types',
      files: TYPED_HEAD,
      git: tagged(TYPED_BASE, TYPED_HEAD, 'v1.0.0'),
      expected: [at('apiChanged', 'index.d.ts', 1), at('apiRemoved')],
      check: (result) => {
        const [changed] = byMessage(result, 'apiChanged')
        expect(changed.confidence).toBe('high')
        expect(changed.title).toBe('load: required parameter `encoding` added')
        // 3.0.0 -> 4.0.0 is the major release the removal needs: no version finding.
        expect(byMessage(result, 'versionBumpTooSmall')).toEqual([])
        expect(result.run.specs).toEqual([]) // declarations hold no code to call
      }
    },
    {
      name: 'shipped declarations near miss: old() stays declared',
      files: typedHead([
        'export interface Loader',
        'export declare function old(): void;\nexport interface Loader'
      ]),
      git: tagged(
        TYPED_BASE,
        typedHead([
          'export interface Loader',
          'export declare function old(): void;\nexport interface Loader'
        ]),
        'v1.0.0'
      ),
      expected: [at('apiChanged', 'index.d.ts', 1)]
    },
    {
      name: "shipped declarations near miss: load's new encoding parameter is optional",
      files: typedHead(['encoding: string', 'encoding?: string']),
      git: tagged(TYPED_BASE, typedHead(['encoding: string', 'encoding?: string']), 'v1.0.0'),
      expected: [at('apiRemoved')]
    }
  ]
})

// Base choices the harness does not build: the previous run's commit, a shallow clone, no commits.
describe('backwards-compat: choosing the base', () => {
  it('the previous run is the fallback when no tag is there', async () => {
    const repo = repository(
      { 'a.py': 'def f(x):\n    pass\n' },
      { 'a.py': 'def f():\n    pass\n' },
      null
    )
    const previous = git(repo.root, ['rev-parse', 'HEAD~1']).trim()
    const viaHistory = await run(repo.root, repo.head, { previousCommit: previous })
    expect(found(viaHistory)).toEqual([['parameterRemoved', 'a.py', 1]])
  })

  it('a shallow clone: no findings, and the advice to fetch the history', async () => {
    const repo = repository({ 'a.py': 'def f(x):\n    pass\n' }, { 'a.py': 'def f():\n    pass\n' })
    const clone = tempDir('bc-shallow-')
    rmSync(clone, { recursive: true, force: true })
    git(repo.root, ['clone', '-q', '--depth', '1', `file://${repo.root}`, clone])
    const result = await run(clone, repo.head)
    expect(result.run.findings).toEqual([])
    expect(result.run.report).toContain('fetch-depth: 0')
    expect(result.run.report).not.toMatch(/No breaking changes found/)
  })

  it('an empty repository: no findings', async () => {
    const root = tempDir('bc-empty-')
    gitInit(root)
    const result = await run(root, {})
    expect(result.run.findings).toEqual([])
    expect(result.run.specs).toEqual([])
    expect(result.run.report).toContain('no commits yet')
  })
})
