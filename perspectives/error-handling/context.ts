// What every check of the error-handling perspective reads: the product modules (tests, fixtures and
// declaration files left out), their functions and calls grouped by enclosing function, what each
// local name was imported from, and which modules are command-line entry points.
import { plainName } from '../shared/names.js'
import type {
  CallSite,
  CodeModel,
  FunctionDecl,
  ModuleModel,
  TryBlock
} from '../../src/model/types.js'
import type { Quoter } from '../shared/evidence.js'
import {
  declaredPrograms,
  scriptPrograms,
  functionsByName,
  normaliseSource,
  productModules
} from '../shared/product-modules.js'
import type { FindingDraft } from '../types.js'
import type { ErrorHandlingMessageId } from './messages.js'
import { type Dialect, dialectOf, placeText, within } from '../kit/index.js'

export type Draft = FindingDraft<ErrorHandlingMessageId>

/** Where a local name comes from: `fs` from 'node:fs' (default/namespace/require), `loads` from 'json' (named). */
export interface ImportedLocal {
  source: string
  /** 'default', '*' (namespace / require / Python `import x`), or the imported name. */
  imported: string
  kind: 'esm' | 'require' | 'dynamic' | 'python' | 'other'
  resolved?: string
}

export { type Dialect, dialectOf }

export interface ModuleInfo {
  module: ModuleModel
  dialect: Dialect
  /** Functions by qualified name. */
  functions: Map<string, FunctionDecl>
  /** Calls by enclosing qualified name ('' for module level), in source order. */
  callsByScope: Map<string, CallSite[]>
  imports: Map<string, ImportedLocal>
  /** Node/Python module names imported (normalised: no `node:` prefix). */
  importedSources: Set<string>
}

export interface CheckInput {
  model: CodeModel
  modules: ModuleInfo[]
  byPath: Map<string, ModuleInfo>
  quote: Quoter
  /** Paths of modules that are command-line entry points (bin targets, `__main__`, `#!`). */
  entryModules: Map<string, string>
}

/** A finding with what its spec needs to know. */
export interface Found {
  draft: Draft
  info: ModuleInfo
  /** The function the finding sits in, when it is a named function of the module. */
  fn?: FunctionDecl
  /** For specs: the try block and handler index the finding is about. */
  tryBlock?: TryBlock
  handlerIndex?: number
  call?: CallSite
}

export { normaliseSource }

function moduleInfo(module: ModuleModel, dialect: Dialect): ModuleInfo {
  const functions = functionsByName(module)
  const callsByScope = new Map<string, CallSite[]>()
  for (const call of module.calls) {
    const scope = call.enclosing ?? ''
    let list = callsByScope.get(scope)
    if (!list) callsByScope.set(scope, (list = []))
    list.push(call)
  }
  const imports = new Map<string, ImportedLocal>()
  const importedSources = new Set<string>()
  for (const decl of module.imports) {
    const source = normaliseSource(decl.source)
    importedSources.add(source)
    for (const n of decl.names) {
      if (n.local === '*') continue
      const entry: ImportedLocal = {
        source,
        imported: decl.kind === 'require' && n.imported === 'default' ? '*' : n.imported,
        kind: decl.kind
      }
      if (decl.resolved) entry.resolved = decl.resolved
      imports.set(n.local, entry)
    }
  }
  return { module, dialect, functions, callsByScope, imports, importedSources }
}

export function buildInput(model: CodeModel, quote: Quoter): CheckInput {
  const modules = productModules(model).map((p) => moduleInfo(p.module, p.dialect))
  return {
    model,
    modules,
    byPath: new Map(modules.map((m) => [m.module.path, m])),
    quote,
    entryModules: entryModules(model)
  }
}

/** `the function parse`, `the method Client.get`, `module scope of a.ts`. */
export function whereText(info: ModuleInfo, enclosing: string | undefined): string {
  return placeText(info.module.path, enclosing && plainName(enclosing))
}

/** The calls of a try block's body: inside the try, before its first handler, in the same function. */
export function guardedCalls(info: ModuleInfo, tryBlock: TryBlock): CallSite[] {
  const first = tryBlock.handlers[0]?.loc
  const calls = info.callsByScope.get(tryBlock.enclosing ?? '') ?? []
  return calls.filter(
    (c) =>
      within(c.loc, tryBlock.loc) &&
      (!first ||
        c.loc.endLine < first.startLine ||
        (c.loc.endLine === first.startLine && c.loc.endColumn <= first.startColumn))
  )
}

/** Folders whose files are programs run on their own, not library code. */
const PROGRAM_DIRS = new Set([
  'bin',
  'cli',
  'scripts',
  'script',
  'tools',
  'examples',
  'example',
  'benchmarks',
  'benchmark',
  'bench',
  'demo',
  'demos'
])
/** File names (without extension) that are command-line programs by convention. */
const PROGRAM_FILES = new Set(['cli', 'main', '__main__'])

const BUILD_DIRS = new Set(['dist', 'lib', 'build', 'out', 'bin', 'src', 'cjs', 'esm'])

/** `dist/cli.js` and `src/cli.ts` both give `cli`; `bin/tool` gives `tool`. */
export function stem(path: string): string {
  const parts = path.split('/')
  while (parts.length > 1 && BUILD_DIRS.has(parts[0])) parts.shift()
  return parts.join('/').replace(/\.(c|m)?(j|t)sx?$/, '')
}

/** Command-line entry points: package bin targets, Python console scripts, `__main__`, `#!` files, bin/ folders. */
function entryModules(model: CodeModel): Map<string, string> {
  const entries = new Map<string, string>()
  const stems = new Map<string, string>()
  const pyTargets = new Map<string, string>()
  for (const p of declaredPrograms(model)) {
    if (p.kind === 'bin') stems.set(stem(p.file), `bin ${p.command} of ${p.manifest}`)
    else pyTargets.set(p.modulePath, `console script ${p.command} of ${p.manifest}`)
  }
  // A file a package script runs (`"analyze-profile": "node read-cpuprofile.js"`) is a program.
  const scripts = new Map<string, string>()
  for (const p of scriptPrograms(model))
    if (!scripts.has(p.file)) scripts.set(p.file, `run by script ${p.script} of ${p.manifest}`)
  for (const module of model.modules) {
    const path = module.path
    const base = path.slice(path.lastIndexOf('/') + 1)
    const byStem = stems.get(stem(path))
    const pyPath = path.replace(/\.py$/, '').replace(/^src\//, '')
    const reason =
      byStem ??
      scripts.get(path) ??
      pyTargets.get(pyPath) ??
      (PROGRAM_FILES.has(base.replace(/\.[^.]+$/, '')) ? `a ${base} file` : undefined) ??
      (module.hasMain
        ? module.language === 'python'
          ? 'a __main__ block or #! line'
          : 'a #! line'
        : undefined) ??
      (path
        .split('/')
        .slice(0, -1)
        .some((d) => PROGRAM_DIRS.has(d))
        ? 'in a folder of programs (bin, cli, scripts, tools, examples, benchmarks)'
        : undefined)
    if (reason) entries.set(path, reason)
  }
  for (const [path, reason] of forkedModules(model))
    if (!entries.has(path)) entries.set(path, reason)
  return entries
}

/** Calls that start a module as its own process or thread: `fork(path)`, `new Worker(path)`. */
const STARTERS = new Set(['fork', 'Worker'])

/** The file name a start call's first argument names: a literal, or the last literal of the local it is bound to. */
function startedFile(module: ModuleModel, call: CallSite): string | undefined {
  const first = call.arguments?.[0]
  if (!first) return undefined
  if (first.kind === 'literal') return typeof first.value === 'string' ? first.value : undefined
  if (first.kind !== 'identifier') return undefined
  const bound = (module.bindings ?? []).filter((b) => b.name === first.text.trim())
  if (bound.length !== 1) return undefined
  const at = bound[0].loc
  // `const daemonPath = resolve(dirname(fileURLToPath(import.meta.url)), 'daemon.js')`
  const literals = module.calls
    .filter((c) => c.loc.startLine >= at.startLine && c.loc.endLine <= at.endLine)
    .flatMap((c) => (c.arguments ?? []).filter((a) => a.kind === 'literal'))
    .map((a) => a.value)
    .filter((v): v is string => typeof v === 'string' && /\.[cm]?[jt]s$/.test(v))
  return literals.length === 1 ? literals[0] : undefined
}

/**
 * Modules another module starts as a child process or worker (`fork(daemonPath)`, `new Worker('./w.js')`):
 * their own program, where ending the process on a lost parent is the job (node-cron's daemon, judged
 * false). The path is taken relative to the starting module, its extension ignored (a built .js for a .ts).
 */
function forkedModules(model: CodeModel): Map<string, string> {
  const out = new Map<string, string>()
  const byStem = new Map(model.modules.map((m) => [stem(m.path), m.path]))
  for (const module of model.modules) {
    if (module.language === 'python') continue
    for (const call of module.calls) {
      if (!STARTERS.has(call.name)) continue
      const file = startedFile(module, call)
      if (!file) continue
      const parts = module.path.split('/').slice(0, -1)
      for (const part of file.split('/')) {
        if (part === '..') parts.pop()
        else if (part !== '.' && part !== '') parts.push(part)
      }
      const target = byStem.get(stem(parts.join('/')))
      if (target && target !== module.path)
        out.set(target, `started as a child process by ${call.callee}() in ${module.path}`)
    }
  }
  return out
}
