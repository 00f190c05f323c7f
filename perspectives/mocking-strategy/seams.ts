// Seams per unit: for each exported function and each public method of an exported class, the calls
// that reach the network, disk, clock, randomness, environment, a database, a child process or an SDK
// (hard-wired: through an import or a global) and the parameters that bring such a dependency in
// (injected: a parameter, a default parameter or a constructor argument).
import type { CallSite, FunctionDecl, Location, ModuleModel } from '../../src/model/types.js'
import { isTestSupportPath } from '../shared/support-files.js'
import { isDeclarationFile, methodsOf } from '../shared/units.js'
import { globalKind, operationKind, parameterKind, type SeamKind } from './catalogue.js'

export interface SeamUse {
  module: string
  language: ModuleModel['language']
  /** `f` or `Class.method`. */
  unit: string
  fn: FunctionDecl
  /** For a method: its class name. */
  className?: string
  kind: SeamKind
  mode: 'hard-wired' | 'injected'
  /** The callee (`axios.get`, `Date.now`), the env read (`process.env.X`) or the parameter name. */
  via: string
  /** The package the hard-wired call goes through (`axios`, `os`), when imported. */
  source?: string
  /** Reached through a global, not an import: a little less certain (it may be shadowed). */
  global: boolean
  loc: Location
  /** The first call of this kind, for specs. */
  call?: CallSite
  /** Environment variable name, for environment seams. */
  envName?: string
}

interface Binding {
  source: string
  /** 'default', '*', or a member name. */
  imported: string
  python: boolean
}

function bindings(module: ModuleModel): Map<string, Binding> {
  const map = new Map<string, Binding>()
  const python = module.language === 'python'
  for (const imp of module.imports) {
    if (imp.typeOnly || imp.resolved) continue
    if (imp.source.startsWith('.')) continue
    for (const n of imp.names)
      map.set(n.local, { source: imp.source, imported: n.imported, python })
  }
  return map
}

/** `fs.promises.readFile` through `import fs from 'fs'` gives `fs.promises.readFile`; `{ get } from 'axios'` gives `axios.get`. */
function qualify(binding: Binding, rest: string[]): string {
  const whole =
    binding.imported === 'default' ||
    binding.imported === '*' ||
    (binding.python && binding.imported === binding.source.split('.').pop() && rest.length === 0)
  const head = whole ? binding.source : `${binding.source}.${binding.imported}`
  return [head.replace(/^node:/, ''), ...rest].join('.')
}

function callKind(
  call: CallSite,
  map: Map<string, Binding>,
  python: boolean
): { kind: SeamKind; source?: string; global: boolean } | undefined {
  const parts = call.callee.split('.')
  const root = parts[0]
  const binding = map.get(root)
  if (binding) {
    const qualified =
      binding.imported === '*' ||
      binding.imported === 'default' ||
      (binding.python && binding.imported === binding.source)
        ? [binding.source.replace(/^node:/, ''), ...parts.slice(1)].join('.')
        : qualify(binding, parts.slice(1))
    // Python `from http import cookiejar`: the submodule, not the package, says what the call is.
    const source =
      binding.python && ['http', 'urllib', 'email', 'xml'].includes(binding.source)
        ? qualified.split('.').slice(0, 2).join('.')
        : binding.source
    const kind = operationKind(source, qualified)
    // A numeric-host lookup (AI_NUMERICHOST) parses an address and never touches the network.
    if (kind === 'network' && call.args.some((a) => a.includes('AI_NUMERICHOST'))) return undefined
    return kind ? { kind, source, global: false } : undefined
  }
  if (!/^[\w$.]+$/.test(call.callee)) return undefined
  const kind = globalKind(call.callee, python, call.isNew, call.args.length)
  return kind ? { kind, global: true } : undefined
}

interface UnitFn {
  name: string
  fn: FunctionDecl
  className?: string
  /** Constructor parameters of the class, for methods. */
  ctorParams: FunctionDecl['params']
  /** A constructor: its own parameters are reported on the methods that use them, not on it. */
  isCtor?: boolean
}

function unitsOf(module: ModuleModel): UnitFn[] {
  const out: UnitFn[] = []
  const python = module.language === 'python'
  for (const fn of module.functions) {
    if (
      !fn.exported ||
      fn.className ||
      !['function', 'arrow'].includes(fn.kind) ||
      fn.qualifiedName !== fn.name
    )
      continue
    out.push({ name: fn.qualifiedName, fn, ctorParams: [] })
  }
  for (const cls of module.classes) {
    if (!cls.exported) continue
    const methods = methodsOf(module, cls)
    const ctor = methods.find((m) => m.kind === 'constructor' || m.name === '__init__')
    for (const m of methods) {
      if (m.qualifiedName !== `${cls.qualifiedName}.${m.name}`) continue
      if (python ? m.name.startsWith('_') && m.name !== '__init__' : m.name.startsWith('#'))
        continue
      const member = cls.members.find((x) => x.name === m.name)
      if (member && member.visibility === 'private') continue
      out.push({
        name: m.qualifiedName,
        fn: m,
        className: cls.name,
        ctorParams: ctor && ctor !== m ? ctor.params : [],
        ...(m === ctor ? { isCtor: true } : {})
      })
    }
  }
  return out
}

const within = (unit: string, enclosing: string | undefined): boolean =>
  enclosing !== undefined && (enclosing === unit || enclosing.startsWith(`${unit}.`))

/** All seam uses of one module, in source order: one entry per unit, kind and mode (the first site). */
export function seamsOf(module: ModuleModel): SeamUse[] {
  if (module.isTest || isDeclarationFile(module.path) || isTestSupportPath(module.path)) return []
  const python = module.language === 'python'
  const units = unitsOf(module)
  if (units.length === 0) return []
  const map = bindings(module)
  const out: SeamUse[] = []
  for (const unit of units) {
    const seen = new Set<string>()
    const add = (use: Omit<SeamUse, 'module' | 'language' | 'unit' | 'fn' | 'className'>): void => {
      const key = `${use.kind}|${use.mode}`
      if (seen.has(key)) return
      seen.add(key)
      out.push({
        module: module.path,
        language: module.language,
        unit: unit.name,
        fn: unit.fn,
        ...(unit.className ? { className: unit.className } : {}),
        ...use
      })
    }
    // Injected: a parameter (or a constructor argument of the method's class) that is the dependency.
    const params = [...unit.fn.params, ...unit.ctorParams].filter(
      (p) => p.name !== 'self' && p.name !== 'cls'
    )
    const paramNames = new Set(params.map((p) => p.name))
    for (const p of unit.isCtor ? [] : params) {
      const kind = parameterKind(p.name, p.type, p.defaultValue, python)
      if (kind) add({ kind, mode: 'injected', via: p.name, global: false, loc: unit.fn.loc })
    }
    const hits: {
      loc: Location
      use: Omit<SeamUse, 'module' | 'language' | 'unit' | 'fn' | 'className'>
    }[] = []
    for (const call of module.calls) {
      if (!within(unit.name, call.enclosing)) continue
      const root = call.callee.split('.')[0]
      if (paramNames.has(root)) continue // called through what was passed in
      const found = callKind(call, map, python)
      if (!found) continue
      hits.push({
        loc: call.loc,
        use: {
          kind: found.kind,
          mode: 'hard-wired',
          via: call.callee,
          ...(found.source ? { source: found.source } : {}),
          global: found.global,
          loc: call.loc,
          call
        }
      })
    }
    for (const read of module.envReads ?? []) {
      if (!within(unit.name, read.enclosing)) continue
      const via = python ? `os.environ['${read.name}']` : `process.env.${read.name}`
      hits.push({
        loc: read.loc,
        use: {
          kind: 'environment',
          mode: 'hard-wired',
          via,
          global: !python,
          loc: read.loc,
          envName: read.name
        }
      })
    }
    hits.sort((a, b) => a.loc.startLine - b.loc.startLine || a.loc.startColumn - b.loc.startColumn)
    for (const h of hits) add(h.use)
  }
  return out
}
