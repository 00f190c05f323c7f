// package.json and pyproject.toml at the base against HEAD: entry points (`main`, `exports` subpaths),
// `type` (CommonJS to ESM-only), `engines.node` / `requires-python` raised, commands (`bin`, scripts)
// removed; and the version change actually made.
import { peerChanges } from './peer-ranges.js'
import type { CodeModel, PackageManifest } from '../../src/model/types.js'
import { stringLiteralValue } from '../shared/literals.js'
import type { Change } from './compare.js'
import { PYTHON_END_OF_LIFE } from '../shared/python-end-of-life.js'

function manifestPlace(manifest: PackageManifest, ref: string, what: string): Change['place'] {
  return {
    base: {
      file: manifest.path,
      line: 0,
      lookedFor: `${what} in ${manifest.path} at ${ref} and at HEAD`
    }
  }
}

/** Subpaths an `exports` value makes importable: `.` for a string or a conditions object. */
export function exportSubpaths(exportsValue: unknown): Set<string> {
  if (exportsValue === undefined || exportsValue === null) return new Set()
  if (typeof exportsValue === 'string' || Array.isArray(exportsValue)) return new Set(['.'])
  if (typeof exportsValue !== 'object') return new Set()
  const keys = Object.keys(exportsValue as Record<string, unknown>)
  return keys.some((k) => k.startsWith('.'))
    ? new Set(keys.filter((k) => k.startsWith('.')))
    : new Set(['.'])
}

function hasRequireCondition(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false
  if (Array.isArray(value)) return value.some(hasRequireCondition)
  return Object.entries(value as Record<string, unknown>).some(
    ([k, v]) =>
      k === 'require' ||
      (k === 'default' && typeof v === 'string' && v.endsWith('.cjs')) ||
      hasRequireCondition(v)
  )
}

/**
 * setup.py is code, so the manifest reader records only that it exists; its `setup(...)` call is in
 * the model, and a literal `python_requires=` argument there is the package's Python requirement.
 */
export function withSetupPyFacts(
  manifests: PackageManifest[],
  model: CodeModel
): PackageManifest[] {
  return manifests.map((manifest) => {
    if (manifest.kind !== 'setup.py') return manifest
    const module = model.modules.find((m) => m.path === manifest.path)
    // `entry_points={'console_scripts': [...]}`: the commands it installs, as pyproject's scripts.
    if (module?.consoleScripts && Object.keys(manifest.bin).length === 0)
      manifest = { ...manifest, bin: { ...module.consoleScripts } }
    if (manifest.requiresPython) return manifest
    const call = module?.calls.find(
      (c) => c.name === 'setup' && (!c.receiver || c.receiver === 'setuptools')
    )
    const arg = call?.args.find((a) => /^python_requires\s*=/.test(a))
    const value = arg ? stringLiteralValue(arg.slice(arg.indexOf('=') + 1).trim()) : undefined
    return value ? { ...manifest, requiresPython: value } : manifest
  })
}

/** The lowest version a range admits, as [major, minor, patch]: `>=14.17` -> 14.17.0, `^12.20 || >=14` -> 12.20.0. */
export function lowestVersion(range: string): [number, number, number] | null {
  let lowest: [number, number, number] | null = null
  for (const alternative of range.split('||')) {
    const first = /(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/.exec(alternative)
    if (!first) continue
    const v: [number, number, number] = [
      Number(first[1]),
      Number(first[2]) || 0,
      Number(first[3]) || 0
    ]
    // `<16` alone admits everything below: no lower bound to compare.
    if (/^\s*<(?!=)/.test(alternative)) return null
    if (!lowest || compareTriple(v, lowest) < 0) lowest = v
  }
  return lowest
}

const PYTHON_MANIFESTS = ['pyproject.toml', 'setup.cfg', 'setup.py'] as const

function folderOf(path: string): string {
  const at = path.lastIndexOf('/')
  return at < 0 ? '' : path.slice(0, at)
}

/** The folder's Python requirement: the first of pyproject.toml, setup.cfg, setup.py that declares one. */
function pythonRequirement(
  manifests: readonly PackageManifest[],
  folder: string
): string | undefined {
  for (const kind of PYTHON_MANIFESTS) {
    const found = manifests.find(
      (m) => m.kind === kind && folderOf(m.path) === folder && m.requiresPython
    )
    if (found) return found.requiresPython
  }
  return undefined
}

function compareTriple(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
}

/**
 * The dropped Python versions' end-of-life dates when every one had reached it by `now` (`3.7 on
 * 2023-06-27`), else null. Dropping them still needs a major release (held-out-10's markdown-it-py 3,
 * parso 0.8 and iniconfig 2 list it among their breaking changes): pip on an old Python keeps installing
 * the last release that allowed it, but a dependent that declares the old versions and locks for its
 * whole Python range (Poetry, uv, pip-tools) no longer resolves. The dates go into the message so a
 * reader can weigh them (mistune 3.4.0 dropped 3.8 and 3.9 in a minor release, judged normal practice
 * in session 8).
 */
function endOfLifeDropped(
  before: string | undefined,
  after: string | undefined,
  now: string
): string | null {
  const was = before ? lowestVersion(before) : null
  const low = after ? lowestVersion(after) : null
  if (!was || !low || low[0] !== 3) return null
  const day = now.slice(0, 10)
  if (was[0] < 3 && day < '2020-01-01') return null
  const dates: string[] = was[0] < 3 ? ['2.7 on 2020-01-01'] : []
  for (let minor = was[0] < 3 ? 0 : was[1]; minor < low[1]; minor++) {
    const end = PYTHON_END_OF_LIFE[minor]
    if (!end || end > day) return null
    // 3.0-3.3 were never a floor anyone kept: name the versions a user could still be on.
    if (minor >= 4 || was[0] === 3) dates.push(`3.${minor} on ${end}`)
  }
  return dates.join(', ')
}

export function compareManifests(
  base: PackageManifest[],
  head: PackageManifest[],
  ref: string,
  today?: string
): Change[] {
  const changes: Change[] = []
  const headByPath = new Map(head.map((m) => [m.path, m]))
  const pythonFolders = new Set<string>()
  for (const was of base) {
    if (!['package.json', 'pyproject.toml', 'setup.cfg', 'setup.py'].includes(was.kind)) continue
    // setup.py and setup.cfg replaced by pyproject.toml (pathspec 0.10): the folder's Python
    // manifest at HEAD is the one to compare with (held-out-11 missed its dropped 2.7-3.6).
    const now =
      headByPath.get(was.path) ??
      (was.kind === 'package.json'
        ? undefined
        : head.find(
            (m) =>
              m.kind !== 'package.json' &&
              (PYTHON_MANIFESTS as readonly string[]).includes(m.kind) &&
              folderOf(m.path) === folderOf(was.path)
          ))
    if (!now) continue
    const name = now.name ?? was.name ?? was.path
    const root = was.path === 'package.json' || was.path === 'pyproject.toml'
    const severity = root ? 'high' : 'medium'
    if (was.kind === 'package.json') {
      const oldSubpaths = exportSubpaths(was.exports)
      const newSubpaths = exportSubpaths(now.exports)
      if (was.main && !now.main && !newSubpaths.has('.')) {
        changes.push(
          manifestChange(
            'entryPointRemoved',
            { field: '"main"', entry: was.main, importPath: name, file: was.path, ref },
            was,
            ref,
            severity,
            'main',
            '"main" and "exports"'
          )
        )
      }
      for (const subpath of [...oldSubpaths].sort()) {
        if (
          newSubpaths.has(subpath) ||
          (subpath !== '.' &&
            [...newSubpaths].some((p) => p.includes('*') && matchesPattern(p, subpath)))
        )
          continue
        changes.push(
          manifestChange(
            'entryPointRemoved',
            {
              field: '"exports"',
              entry: subpath,
              importPath: subpath === '.' ? name : `${name}/${subpath.replace(/^\.\//, '')}`,
              file: was.path,
              ref
            },
            was,
            ref,
            severity,
            `exports:${subpath}`,
            '"exports" subpaths'
          )
        )
      }
      // ESM-only: "type" became "module", or a dual package (nanoid 3: a `require` condition beside
      // `"type": "module"`) dropped its CommonJS condition.
      const droppedRequire =
        was.type === 'module' &&
        hasRequireCondition(was.exports) &&
        !hasRequireCondition(now.exports)
      if (
        (was.type !== 'module' || droppedRequire) &&
        now.type === 'module' &&
        !hasRequireCondition(now.exports)
      ) {
        changes.push(
          manifestChange(
            'moduleTypeChanged',
            {
              name,
              file: was.path,
              ref,
              before: droppedRequire
                ? '`"module"` with a `require` export condition'
                : was.type
                  ? `\`"${was.type}"\``
                  : 'unset (CommonJS)'
            },
            was,
            ref,
            severity,
            'type',
            '"type" and "exports" conditions'
          )
        )
      }
      const engine = compareEngine(was.engines.node, now.engines.node)
      if (engine)
        changes.push(
          manifestChange(
            'engineRaised',
            {
              engine: 'Node.js',
              // No field admitted every version.
              before: was.engines.node ?? '*',
              after: now.engines.node ?? '',
              dropped: engine,
              endOfLife: '',
              file: was.path,
              ref
            },
            was,
            ref,
            'medium',
            'engines.node',
            '"engines.node"'
          )
        )
      for (const peer of peerChanges(was, now))
        changes.push({
          ...manifestChange(
            'peerDependencyNarrowed',
            {
              name: peer.name,
              before: peer.before.startsWith('a ') ? peer.before : `\`${peer.before}\``,
              after: peer.after,
              reason: peer.reason,
              file: was.path,
              ref
            },
            was,
            ref,
            severity,
            `peerDependencies:${peer.name}`,
            '"peerDependencies"'
          ),
          symbol: peer.name
        })
    } else {
      // One requirement per folder, whichever manifest declares it (pyproject.toml, setup.cfg or
      // setup.py): moving `python_requires` from setup.cfg into pyproject.toml raises nothing.
      // (The commands below are still compared for each manifest.)
      const folder = folderOf(was.path)
      const first = !pythonFolders.has(folder)
      pythonFolders.add(folder)
      const before = pythonRequirement(base, folder)
      const after = pythonRequirement(head, folder)
      const engine = first ? compareEngine(before, after) : null
      if (engine) {
        // Placed where the base declared it (setup.cfg beside a setup.py that does not).
        const declared =
          base.find(
            (m) =>
              folderOf(m.path) === folder &&
              m.kind !== 'package.json' &&
              m.requiresPython === before
          ) ?? was
        const change = manifestChange(
          'engineRaised',
          {
            engine: 'Python',
            before: before ?? '',
            after: after ?? '',
            dropped: engine,
            endOfLife: '',
            file: declared.path,
            ref
          },
          declared,
          ref,
          'medium',
          'requires-python',
          '"requires-python"'
        )
        const ended = today ? endOfLifeDropped(before, after, today) : null
        if (ended)
          change.data.endOfLife = ` Every version dropped is past its end of life (${ended}); pip on those keeps installing the last release that allowed them, but a dependent that declares them and locks for its whole Python range (Poetry, uv) no longer resolves: semver still needs a major release.`
        changes.push(change)
      }
    }
    for (const command of Object.keys(was.bin).sort()) {
      if (command in now.bin) continue
      // A Python command moved between setup.py, setup.cfg and pyproject.toml of one folder is kept.
      const python = was.kind !== 'package.json'
      if (
        python &&
        head.some(
          (m) =>
            m.kind !== 'package.json' && folderOf(m.path) === folderOf(was.path) && command in m.bin
        )
      )
        continue
      changes.push(
        manifestChange(
          'binRemoved',
          { name: command, target: was.bin[command], file: was.path, ref },
          was,
          ref,
          severity,
          `bin:${command}`,
          was.kind === 'package.json'
            ? '"bin"'
            : was.kind === 'setup.py'
              ? 'entry_points console_scripts'
              : '[project.scripts]'
        )
      )
    }
  }
  return changes
}

function matchesPattern(pattern: string, subpath: string): boolean {
  const [before, after] = pattern.split('*')
  return subpath.startsWith(before) && subpath.endsWith(after ?? '')
}

/** The versions dropped, in words (`14.x below 16.0.0`), or null when the requirement was not raised. */
function compareEngine(before: string | undefined, after: string | undefined): string | null {
  if (!after) return null
  const low = lowestVersion(after)
  if (!low) return null
  const was = before ? lowestVersion(before) : null
  if (before && !was) return null
  if (was && compareTriple(low, was) <= 0) return null
  // A field added where there was none is a floor on every version that installed before, unless
  // it admits them all (`>=0.0.0`).
  if (!before && compareTriple(low, [0, 0, 0]) <= 0) return null
  return was ? `from ${was.join('.')} up to below ${low.join('.')}` : `below ${low.join('.')}`
}

function manifestChange(
  messageId: Change['messageId'],
  data: Change['data'],
  manifest: PackageManifest,
  ref: string,
  severity: Change['severity'],
  what: string,
  field: string
): Change {
  return {
    messageId,
    data,
    severity,
    confidence: 'high',
    rationale: `Read from ${manifest.path} at ${ref} and at HEAD; a package entry, engine or command its users relied on changed. Severity is high for the root manifest, medium for a nested package (engines: medium).`,
    key: `${manifest.path}:${what}`,
    place: manifestPlace(manifest, ref, field),
    bump: 'major'
  }
}

export type Bump = 'major' | 'minor' | 'patch' | 'none'

export interface VersionChange {
  file: string
  before: string
  after: string
  actual: Bump | 'lower' | 'unknown'
}

/**
 * setuptools' `version = attr: pkg.__version__` (setup.cfg, or `{attr = "..."}` in pyproject): the
 * string the named module assigns, found through the model (the variable's line and the string
 * literal on it). Undefined when the module or a plain string value is not there.
 */
export function attrVersion(spec: string, model: CodeModel): string | undefined {
  const match = /^attr:\s*([\w.]+)\.(\w+)\s*$/.exec(spec.trim())
  if (!match) return undefined
  const [, dotted, name] = match
  const tail = dotted.split('.').join('/')
  const module = model.modules.find(
    (m) =>
      m.language === 'python' &&
      !m.isTest &&
      [`${tail}/__init__.py`, `${tail}.py`].some(
        (end) => m.path === end || m.path.endsWith(`/${end}`)
      )
  )
  const variable = module?.variables.find((v) => v.name === name && v.initKind === 'literal')
  if (!module || !variable) return undefined
  return module.strings.find((s) => s.loc.startLine === variable.loc.startLine && !s.enclosing)
    ?.value
}

function versionOf(manifest: PackageManifest, model: CodeModel | undefined): string | undefined {
  const v = manifest.version
  if (!v) return undefined
  if (!v.trim().startsWith('attr:')) return v
  return model ? attrVersion(v, model) : undefined
}

/** The version of the root package (package.json, else pyproject.toml, else the shallowest) at base and HEAD. */
export function versionChange(
  base: PackageManifest[],
  head: PackageManifest[],
  models?: { base: CodeModel; head: CodeModel }
): VersionChange | null {
  const pick = (list: PackageManifest[]) =>
    [...list]
      .filter(
        (m) =>
          m.version &&
          (m.kind === 'package.json' || m.kind === 'pyproject.toml' || m.kind === 'setup.cfg')
      )
      .sort(
        (a, b) =>
          a.path.split('/').length - b.path.split('/').length ||
          (a.kind === 'package.json' ? -1 : 1)
      )[0]
  const now = pick(head)
  if (!now) return null
  const was = base.find((m) => m.path === now.path && m.version)
  if (!was) return null
  const before = versionOf(was, models?.base) ?? was.version
  const after = versionOf(now, models?.head) ?? now.version
  if (!before || !after) return null
  return { file: now.path, before, after, actual: bumpBetween(before, after) }
}

export function bumpBetween(before: string, after: string): VersionChange['actual'] {
  const a = /^v?(\d+)\.(\d+)\.(\d+)/.exec(before.trim())
  const b = /^v?(\d+)\.(\d+)\.(\d+)/.exec(after.trim())
  if (!a || !b) return 'unknown'
  const x = [Number(a[1]), Number(a[2]), Number(a[3])] as [number, number, number]
  const y = [Number(b[1]), Number(b[2]), Number(b[3])] as [number, number, number]
  const order = compareTriple(y, x)
  if (order < 0) return 'lower'
  if (order === 0) return 'none'
  // Before 1.0.0 the minor number carries breaking changes (npm and Cargo convention).
  if (y[0] !== x[0]) return 'major'
  if (y[1] !== x[1]) return x[0] === 0 ? 'major' : 'minor'
  return x[0] === 0 && x[1] === 0 ? 'major' : 'patch'
}
