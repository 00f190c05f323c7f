// Finds the integration points of one module from its imports and calls: each call that reaches
// another system through an imported binding (`axios.get`, `readFile` from fs, `subprocess.run`),
// a global (`fetch`, `setTimeout`, Python `open`), or an ORM manager (`Model.objects.filter`).
// Environment variables and HTTP routes have their own modules (env.ts, routes.ts).
import type { CallSite, ImportDecl, Location, ModuleModel } from '../../src/model/types.js'
import {
  GLOBAL_CALLS,
  normaliseSource,
  operationKind,
  packageOf,
  PATHLIB_IO,
  type PointKind
} from './catalogue.js'

export interface Site {
  loc: Location
  /** The callee as written (`axios.get`), or `import x` for a point seen only by its import. */
  callee: string
  /** What it reaches, qualified by the package (`axios.get`, `fs.promises.readFile`, `os.system`). */
  operation: string
  enclosing?: string
  call?: CallSite
}

export interface IntegrationPoint {
  kind: PointKind
  /** The other system: a package (`axios`, `pg`), a global (`fetch`), an env variable, a route. */
  system: string
  module: string
  language: ModuleModel['language']
  sites: Site[]
  /** Where the package is imported, when it is. */
  importLoc?: Location
}

interface Binding {
  local: string
  source: string
  /** The imported name, or '' for a whole-module binding (default, namespace, Python `import m`). */
  imported: string
  pkg: string
  kind: PointKind
  opsOnly: boolean
  decl: ImportDecl
}

const DB_RAW_OPS: ReadonlySet<string> = new Set([
  'query',
  'execute',
  'executemany',
  '$queryRaw',
  '$executeRaw',
  '$transaction'
])

export function isJsLike(language: ModuleModel['language']): boolean {
  return (
    language === 'typescript' ||
    language === 'tsx' ||
    language === 'javascript' ||
    language === 'jsx'
  )
}

/**
 * Helper subpackages of a client library (`kombu.utils.encoding`, `redis.exceptions`): importing a
 * function from them does not reach the other system.
 */
const HELPER_SEGMENTS: ReadonlySet<string> = new Set([
  'utils',
  'util',
  'helpers',
  'compat',
  'exceptions',
  'errors',
  'types',
  'typing',
  'objects',
  'encoding',
  'serialization',
  'log',
  'logging',
  'five',
  'constants'
])

function isHelperImport(source: string): boolean {
  return source
    .split(/[./]/)
    .slice(1)
    .some((segment) => HELPER_SEGMENTS.has(segment))
}

function bindingsOf(module: ModuleModel, localPackages: ReadonlySet<string>): Binding[] {
  const out: Binding[] = []
  for (const decl of module.imports) {
    // A module of the repository is internal, whatever its name (a package importing itself by name
    // where resolution did not reach, as in `from celery import concurrency` inside celery).
    if (decl.resolved || decl.typeOnly || decl.source.startsWith('.')) continue
    if (module.language === 'python' && localPackages.has(decl.source.split('.')[0])) continue
    if (isHelperImport(normaliseSource(decl.source))) continue
    const found = packageOf(decl.source)
    if (!found) continue
    const source = normaliseSource(decl.source)
    const names = decl.names.length > 0 ? decl.names : [{ imported: '*', local: '' }]
    for (const n of names) {
      if (n.local === '*' || n.local === '') {
        // `from m import *`, a side-effect import: the import itself is the point.
        out.push({
          local: '',
          source,
          imported: '',
          pkg: found.name,
          kind: found.entry.kind,
          opsOnly: found.entry.opsOnly ?? false,
          decl
        })
        continue
      }
      const whole = n.imported === '*' || n.imported === 'default'
      out.push({
        local: n.local,
        source,
        imported: whole ? '' : n.imported,
        pkg: found.name,
        kind: found.entry.kind,
        opsOnly: found.entry.opsOnly ?? false,
        decl
      })
    }
  }
  // Longest local first, so `os.path.exists` matches the `os.path` binding before `os`.
  return out.sort((a, b) => b.local.length - a.local.length)
}

/** The binding a callee goes through and the rest of the callee after it. */
function bindingFor(
  callee: string,
  bindings: Binding[]
): { binding: Binding; rest: string } | undefined {
  for (const b of bindings) {
    if (b.local === '') continue
    if (callee === b.local) return { binding: b, rest: '' }
    if (callee.startsWith(`${b.local}.`)) return { binding: b, rest: callee.slice(b.local.length) }
    if (b.opsOnly && callee.startsWith(`${b.local}(`)) {
      // `Path(x).read_text`: the method after the constructor call (for other packages a call on a
      // result, `execSync(c).toString()`, is not another site).
      const dot = callee.lastIndexOf(').')
      return { binding: b, rest: dot === -1 ? '' : `.${callee.slice(dot + 2)}` }
    }
  }
  return undefined
}

/** `fs` + `promises.readFile` -> `fs.promises.readFile`; `subprocess` imported `run` -> `subprocess.run`. */
function qualified(binding: Binding, rest: string): string {
  const base = binding.imported ? `${binding.source}.${binding.imported}` : binding.source
  return `${base}${rest}`
}

/** Top-level Python package names of the repository itself (`celery` for `celery/app/base.py`). */
export function localPythonPackages(modules: readonly ModuleModel[]): Set<string> {
  const names = new Set<string>()
  for (const m of modules) {
    if (m.language !== 'python') continue
    const parts = m.path.replace(/^src\//, '').split('/')
    if (parts.length > 1) names.add(parts[0])
  }
  return names
}

export function detectPoints(
  module: ModuleModel,
  localPackages: ReadonlySet<string> = new Set()
): IntegrationPoint[] {
  const bindings = bindingsOf(module, localPackages)
  const locals = new Set(bindings.map((b) => b.local.split('.')[0]))
  const points = new Map<string, IntegrationPoint>()
  const add = (kind: PointKind, system: string, site: Site, importLoc?: Location): void => {
    const key = `${kind}|${system}`
    let point = points.get(key)
    if (!point) {
      point = {
        kind,
        system,
        module: module.path,
        language: module.language,
        sites: [],
        ...(importLoc ? { importLoc } : {})
      }
      points.set(key, point)
    }
    point.sites.push(site)
  }
  const js = isJsLike(module.language)
  const python = module.language === 'python'
  const used = new Set<Binding>()
  const dbPackages = bindings.filter((b) => b.kind === 'database').map((b) => b.pkg)
  for (const call of module.calls) {
    const site = (operation: string): Site => ({
      loc: call.loc,
      callee: call.callee,
      operation,
      ...(call.enclosing ? { enclosing: call.enclosing } : {}),
      call
    })
    const match = bindingFor(call.callee, bindings)
    if (match) {
      const { binding, rest } = match
      used.add(binding)
      const operation = qualified(binding, rest)
      if (binding.opsOnly) {
        const kind =
          operationKind(operation) ??
          (binding.pkg === 'pathlib' && PATHLIB_IO.has(call.name) && rest !== ''
            ? 'filesystem'
            : undefined)
        if (kind && kind !== 'env') add(kind, binding.pkg, site(operation), binding.decl.loc)
      } else {
        const kind = operationKind(operation) ?? binding.kind
        if (kind !== 'env') add(kind, binding.pkg, site(operation), binding.decl.loc)
      }
      continue
    }
    const head = call.callee.split(/[.(]/)[0]
    const global = GLOBAL_CALLS.get(call.callee)
    if (
      global &&
      !locals.has(head) &&
      ((global.languages === 'js' && js) || (global.languages === 'python' && python))
    ) {
      add(global.kind, global.system, site(call.callee))
      continue
    }
    if (
      js &&
      call.isNew &&
      call.callee === 'Date' &&
      call.args.length === 0 &&
      !locals.has('Date')
    ) {
      add('clock', 'Date', site('new Date()'))
      continue
    }
    if (python && call.callee.includes('.objects.')) {
      add('database', 'django ORM', site(call.callee))
      continue
    }
    if (
      python &&
      module.imports.some((d) => d.source === 'pathlib') &&
      call.receiver &&
      PATHLIB_IO.has(call.name) &&
      /^(read|write)_(text|bytes)$|^(iterdir|rglob|touch)$/.test(call.name)
    ) {
      add('filesystem', 'pathlib', site(`pathlib.Path.${call.name}`))
      continue
    }
    if (dbPackages.length > 0 && call.receiver && DB_RAW_OPS.has(call.name)) {
      add('database', dbPackages[0], site(`${dbPackages[0]}:${call.name}`))
    }
  }
  // A package imported but never called through a binding (a client passed on, a decorator-only
  // framework) is still a point: its import is the evidence.
  for (const b of bindings) {
    if (used.has(b) || b.opsOnly || b.kind === 'env') continue
    if ([...points.values()].some((p) => p.system === b.pkg)) continue
    add(
      b.kind,
      b.pkg,
      { loc: b.decl.loc, callee: `import ${b.decl.source}`, operation: `import ${b.source}` },
      b.decl.loc
    )
  }
  return [...points.values()]
}
