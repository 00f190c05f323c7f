// The public API of one version of the repository, read from its code model: what a user of the
// package can import and call. TypeScript/JavaScript: exported names (functions with their
// parameters, classes with their public members, types, values, re-exports); `.d.ts` files where the
// package ships them. Python: public functions and classes (`__all__` when declared, else names without
// a leading underscore) in modules whose path is public.
import type {
  ClassDecl,
  CodeModel,
  FunctionDecl,
  Language,
  Location,
  ModuleModel,
  Parameter
} from '../../src/model/types.js'
import { isTestSupportPath } from '../shared/support-files.js'
import { functionFinder, kwargsKeys, type KwargsKeys } from './kwargs-keys.js'
import { isDeclarationFile } from '../shared/units.js'
import { pythonAliases } from './python-aliases.js'

export type ApiKind =
  'function' | 'class' | 'method' | 'property' | 'variable' | 'type' | 'value' | 'reexport'

export interface ApiItem {
  /** `path#name`: the same thing at base and HEAD has the same key. */
  key: string
  file: string
  /** The public name: `parse`, `Client.get`, `default`, `* from ./b.js`. */
  name: string
  kind: ApiKind
  language: Language
  /** The declaration's own name in the module (`main` for `export default function main`). */
  local: string
  params?: Parameter[]
  returnType?: string
  async?: boolean
  /** Decorators as written (`property`, `staticmethod`, `click.option(...)`). */
  decorators?: string[]
  /** From a `.d.ts`: the model keeps no parameters for declarations, only where they are. */
  declaration: boolean
  /** The module is a package entry point (package.json main/exports/types/bin, index, `__init__.py`). */
  entry: boolean
  /** Python: the keyword arguments read by name from `**kwargs` (kwargs-keys.ts). */
  kwargsKeys?: KwargsKeys
  /** Python: the module's top-level variable names, which annotations may use as type aliases. */
  moduleNames?: string[]
  /** Python: the package's type aliases by name (python-aliases.ts), to compare what annotations mean. */
  typeAliases?: Map<string, string>
  /**
   * Python: a module-level function of a module that is not an entry, which the package hands on as a
   * value (a ruler, a rule table) and never calls by name: the code it is handed to fills its parameters.
   */
  callback?: true
  loc: Location
}

/** Folders whose code is not part of what a package offers its users. */
const NOT_API_DIRECTORIES = new Set([
  'test',
  'tests',
  '__tests__',
  'spec',
  'specs',
  'example',
  'examples',
  'docs',
  'doc',
  'scripts',
  'script',
  'benchmark',
  'benchmarks',
  'bench',
  'fixtures',
  '.github'
])
const NOT_API_FILES = new Set(['setup.py', 'conftest.py', 'noxfile.py', 'fabfile.py', 'manage.py'])
const CONFIG_FILE =
  /(^|\/)[^/]*\.config\.[cm]?[jt]s$|(^|\/)(gulpfile|gruntfile|Gruntfile|Jakefile)\.[cm]?js$|(^|\/)\.[^/]+rc\.[cm]?js$/

export function isApiPath(path: string): boolean {
  const parts = path.split('/')
  const name = parts[parts.length - 1]
  if (NOT_API_FILES.has(name) || CONFIG_FILE.test(path) || isTestSupportPath(path)) return false
  return !parts.slice(0, -1).some((dir) => NOT_API_DIRECTORIES.has(dir))
}

/** Python: a module under a `_private` folder or file (other than `__init__`/`__main__`) is not public. */
export function isPublicPythonPath(path: string): boolean {
  const parts = path.split('/')
  // `get-codes.py` cannot be imported (a script, emoji's utils/): no name of it is API. Folders
  // above the package may be named anyhow (`python-client/pkg/`), so only the file is checked.
  if (!/^[A-Za-z_]\w*\.pyi?$/.test(parts[parts.length - 1])) return false
  return parts.every(
    (part) => !part.startsWith('_') || part === '__init__.py' || part === '__main__.py'
  )
}

/**
 * Python: whether a module is in what the package ships. A manifest that declares its packages
 * (setuptools `packages`/`py-modules`, flit's module, hatch, poetry) ships those and nothing else of
 * its folder: a script beside them (markdown-it-py's `profiler.py` next to `markdown_it/`, judged no
 * break when it went) is the repository's, not the package's. Without such a declaration every
 * module counts.
 */
export function shippedPython(model: CodeModel): (path: string) => boolean {
  const declared = model.facts.manifests
    .filter((m) => m.kind !== 'package.json' && (m.packages ?? []).length > 0)
    .map((m) => {
      const dir = m.path.includes('/') ? m.path.slice(0, m.path.lastIndexOf('/') + 1) : ''
      return { dir, shipped: (m.packages ?? []).map((p) => dir + p) }
    })
  return (path) => {
    const owners = declared.filter((d) => path.startsWith(d.dir))
    if (owners.length === 0) return true
    return owners.some((d) =>
      d.shipped.some((p) =>
        p === `${d.dir}*`
          ? path.slice(d.dir.length).includes('/')
          : p.endsWith('.py')
            ? path === p
            : path.startsWith(`${p}/`)
      )
    )
  }
}

/** Package entry files named by manifests (without extension, so `dist/index.js` matches `src/index.ts` only by name). */
export function entryFiles(model: CodeModel): Set<string> {
  const named = new Set<string>()
  for (const manifest of model.facts.manifests) {
    if (manifest.kind !== 'package.json') continue
    const dir = manifest.path.includes('/')
      ? manifest.path.slice(0, manifest.path.lastIndexOf('/') + 1)
      : ''
    const add = (target: unknown): void => {
      if (typeof target === 'string') named.add(dir + target.replace(/^\.\//, ''))
      else if (Array.isArray(target)) target.forEach(add)
      else if (target && typeof target === 'object')
        Object.values(target as Record<string, unknown>).forEach(add)
    }
    add(manifest.main)
    add(manifest.types)
    add(manifest.exports)
    add(Object.values(manifest.bin))
  }
  return named
}

export function isEntryModule(module: ModuleModel, named: Set<string>): boolean {
  if (named.has(module.path)) return true
  const name = module.path.slice(module.path.lastIndexOf('/') + 1)
  if (module.language === 'python') return name === '__init__.py'
  const depth = module.path.split('/').length
  return (
    /^index\.(d\.)?[cm]?[jt]sx?$/.test(name) &&
    (depth === 1 || (depth === 2 && /^(src|lib|source)\//.test(module.path)))
  )
}

/** True when a package.json names type declarations: then `.d.ts` files are the API it ships. */
export function shipsDeclarations(model: CodeModel): boolean {
  return model.facts.manifests.some((m) => m.kind === 'package.json' && typeof m.types === 'string')
}

/** True when the root package.json has an `exports` map: then only the entry modules can be imported. */
export function declaresExports(model: CodeModel): boolean {
  return model.facts.manifests.some((m) => m.path === 'package.json' && m.exports !== undefined)
}

/**
 * The public API of a model, by key. With `entriesOnly` (the package declares `exports`), JavaScript and
 * TypeScript modules other than the entry modules are private: users cannot import them.
 */
export function publicApi(
  model: CodeModel,
  entriesOnly = false,
  source?: (file: string) => string | undefined
): Map<string, ApiItem> {
  const items = new Map<string, ApiItem>()
  const typeAliases = pythonAliases(model, source)
  const shipped = shippedPython(model)
  const named = entryFiles(model)
  const lookup = classLookup(model)
  const byPath = new Map(model.modules.map((m) => [m.path, m]))
  const declarations =
    shipsDeclarations(model) || model.modules.some((m) => isDeclarationFile(m.path) && !m.isTest)
  for (const module of model.modules) {
    if (module.isTest || !isApiPath(module.path)) continue
    if (isDeclarationFile(module.path) && !declarations) continue
    const entry = isEntryModule(module, named)
    if (entriesOnly && !entry && module.language !== 'python') continue
    const moduleNames =
      module.language === 'python' ? module.variables.map((v) => v.name) : undefined
    const add = (
      item: Omit<ApiItem, 'key' | 'file' | 'language' | 'entry' | 'declaration'>,
      definedIn: string = module.path
    ): void => {
      const key = `${module.path}#${item.name}`
      if (!items.has(key))
        items.set(key, {
          ...item,
          key,
          file: definedIn,
          language: module.language,
          entry,
          declaration: isDeclarationFile(module.path),
          ...(moduleNames ? { moduleNames, typeAliases } : {})
        })
    }
    if (module.language === 'python') {
      if (isPublicPythonPath(module.path) && shipped(module.path))
        pythonApi(module, add, lookup, byPath)
    } else if (['typescript', 'tsx', 'javascript', 'jsx'].includes(module.language)) {
      scriptApi(module, add)
    }
  }
  withKwargsKeys(model, items, byPath)
  withCallbacks(model, items)
  return items
}

/**
 * Marks Python callbacks (ApiItem.callback): mdit-py-plugins' `dollar_pre`, kept in a rule table and
 * called as `rule['pre'](string, begin)`, and `footnote_tail`, handed to `md.core.ruler.after`. Their
 * parameter names and annotations are the protocol of the code that calls them, not a keyword API.
 */
function withCallbacks(model: CodeModel, items: Map<string, ApiItem>): void {
  const modules = model.modules.filter((m) => m.language === 'python' && !m.isTest)
  const called = new Set(modules.flatMap((m) => m.calls.map((c) => c.name)))
  const used = new Set(modules.flatMap((m) => Object.keys(m.nameUseLines ?? {})))
  for (const item of items.values()) {
    if (item.language !== 'python' || item.kind !== 'function' || item.entry) continue
    if (item.local.includes('.') || called.has(item.local) || !used.has(item.local)) continue
    item.callback = true
  }
}

/** Python functions that take `**kwargs`: the keys they read by name. */
function withKwargsKeys(
  model: CodeModel,
  items: Map<string, ApiItem>,
  byPath: ReadonlyMap<string, ModuleModel>
): void {
  let find: ReturnType<typeof functionFinder> | undefined
  for (const item of items.values()) {
    if (item.language !== 'python' || !item.params?.some((p) => p.kwargs)) continue
    const module = byPath.get(item.file)
    const fn = module?.functions.find((f) => f.qualifiedName === item.local)
    if (!module || !fn) continue
    find ??= functionFinder(model)
    const keys = kwargsKeys(module, fn, find)
    // A closed set with no keys says something too: HEAD swallows every keyword (pyjwt 2's `decode`).
    if (keys && (keys.keys.length > 0 || !keys.open)) item.kwargsKeys = keys
  }
}

type Add = (
  item: Omit<ApiItem, 'key' | 'file' | 'language' | 'entry' | 'declaration'>,
  definedIn?: string
) => void

const OVERLOAD = new Set([
  'overload',
  't.overload',
  'typing.overload',
  'typing_extensions.overload'
])

/** Python `@overload` stubs describe calls; the definition after them is the one that runs. */
function isOverload(fn: FunctionDecl): boolean {
  return fn.decorators?.some((d) => OVERLOAD.has(d)) ?? false
}

/**
 * Definitions by name (the model suffixes repeats: `command#2`): the first, except that an
 * implementation wins over `@overload` stubs of the same name.
 */
function definitions(fns: FunctionDecl[]): Map<string, FunctionDecl> {
  const map = new Map<string, FunctionDecl>()
  for (const fn of fns) {
    const name = fn.qualifiedName.replace(/#\d+$/, '')
    const known = map.get(name)
    if (!known || (isOverload(known) && !isOverload(fn))) map.set(name, fn)
  }
  return map
}

function topLevel(module: ModuleModel): Map<string, FunctionDecl> {
  return definitions(
    module.functions.filter(
      (fn) => !fn.className && !fn.qualifiedName.replace(/#\d+$/, '').includes('.')
    )
  )
}

function functionItem(
  name: string,
  fn: FunctionDecl,
  kind: ApiKind
): Omit<ApiItem, 'key' | 'file' | 'language' | 'entry' | 'declaration'> {
  return {
    name,
    kind,
    local: fn.qualifiedName,
    params: fn.params,
    returnType: fn.returnType,
    async: fn.async,
    loc: fn.loc,
    ...(fn.decorators ? { decorators: fn.decorators } : {})
  }
}

/** Finds a class the package defines by its (last dotted) name, for inherited members. */
type ClassLookup = (name: string) => { module: ModuleModel; cls: ClassDecl } | undefined

function classLookup(model: CodeModel): ClassLookup {
  const byName = new Map<string, { module: ModuleModel; cls: ClassDecl }>()
  for (const module of model.modules) {
    if (module.isTest || module.language !== 'python') continue
    for (const cls of module.classes) {
      if (!cls.qualifiedName.includes('.') && !byName.has(cls.name))
        byName.set(cls.name, { module, cls })
    }
  }
  return (name) => {
    const bare = name.replace(/\[.*$/s, '')
    return byName.get(bare.slice(bare.lastIndexOf('.') + 1))
  }
}

function classMembers(
  module: ModuleModel,
  className: string,
  publicName: string,
  add: Add,
  lookup?: ClassLookup,
  seen: Set<ClassDecl> = new Set(),
  reexported = false
): void {
  // A class re-exported from another module: its members are declared there.
  const definedIn = reexported ? module.path : undefined
  const cls = module.classes.find((c) => c.name === className && !c.qualifiedName.includes('.'))
  if (!cls || seen.has(cls)) return
  seen.add(cls)
  const byName = definitions(module.functions.filter((f) => f.className === cls.name))
  for (const member of cls.members) {
    if (member.visibility !== 'public' || member.name.startsWith('#')) continue
    // A leading underscore marks a member private by convention, in Python and in JavaScript alike.
    if (member.name.startsWith('_') && member.name !== '__init__' && member.name !== '__call__')
      continue
    const fn = byName.get(`${cls.qualifiedName}.${member.name}`)
    const name = `${publicName}.${member.name === '__init__' ? 'constructor' : member.name}`
    if (fn) add(functionItem(name, fn, 'method'), definedIn)
    else
      add(
        {
          name,
          kind: member.kind === 'property' ? 'property' : 'method',
          local: `${cls.qualifiedName}.${member.name}`,
          loc: member.loc
        },
        definedIn
      )
  }
  // Python: members inherited from classes the package defines, in base order (the method resolution
  // order for single and simple multiple inheritance); a name the class defines itself was added first.
  if (!lookup) return
  for (const baseName of cls.bases) {
    const found = lookup(baseName)
    if (found)
      classMembers(
        found.module,
        found.cls.name,
        publicName,
        add,
        lookup,
        seen,
        reexported || found.module !== module
      )
  }
}

function scriptApi(module: ModuleModel, add: Add): void {
  const functions = topLevel(module)
  for (const exp of module.exports) {
    if (exp.source) {
      // `export * from './x'` and `export { a } from './x'`: the names come from another module.
      add({
        name: exp.kind === 'all' || exp.name === '*' ? `* from ${exp.source}` : exp.name,
        kind: 'reexport',
        local: exp.source,
        loc: exp.loc
      })
      continue
    }
    const local = exp.local ?? exp.name
    const fn = functions.get(local)
    const cls = module.classes.find((c) => c.name === local && !c.qualifiedName.includes('.'))
    if (fn) add(functionItem(exp.name, fn, 'function'))
    else if (cls) {
      add({ name: exp.name, kind: 'class', local, loc: cls.loc })
      classMembers(module, cls.name, exp.name, add)
    } else if (exp.kind === 'type') add({ name: exp.name, kind: 'type', local, loc: exp.loc })
    else if (exp.kind === 'function') add({ name: exp.name, kind: 'function', local, loc: exp.loc })
    else if (exp.kind === 'class') add({ name: exp.name, kind: 'class', local, loc: exp.loc })
    else
      add({
        name: exp.name,
        kind: exp.kind === 'variable' ? 'variable' : 'value',
        local,
        loc: exp.loc
      })
  }
}

function pythonApi(
  module: ModuleModel,
  add: Add,
  lookup: ClassLookup,
  byPath: ReadonlyMap<string, ModuleModel>
): void {
  const declared = module.all ? new Set(module.all) : null
  const isPublic = (name: string): boolean =>
    declared ? declared.has(name) : !name.startsWith('_')
  const own = new Set<string>()
  for (const fn of topLevel(module).values()) {
    if (fn.kind === 'function' && isPublic(fn.name)) {
      add(functionItem(fn.name, fn, 'function'))
      own.add(fn.name)
    }
  }
  for (const cls of module.classes) {
    if (cls.qualifiedName.includes('.') || !isPublic(cls.name)) continue
    add({ name: cls.name, kind: 'class', local: cls.name, loc: cls.loc })
    classMembers(module, cls.name, cls.name, add, lookup)
    own.add(cls.name)
  }
  // A module-level value `__all__` names is published as such (emoji 1's `EMOJI_UNICODE_ENGLISH`);
  // without `__all__`, public-looking variables (loggers, caches) are not taken as a promise.
  for (const variable of module.variables) {
    if (!declared?.has(variable.name) || own.has(variable.name)) continue
    add({ name: variable.name, kind: 'variable', local: variable.name, loc: variable.loc })
    own.add(variable.name)
  }
  instanceMembers(module, isPublic, add, lookup)
  reexportsFromPrivate(module, isPublic, own, add, lookup, byPath)
}

/**
 * Names a public module imports from a private one (`from tomli._parser import load` in
 * `__init__.py`): users reach them only through this module, so their signatures are its API. A
 * public module's own names are listed with it already, so only private sources are followed.
 */
function reexportsFromPrivate(
  module: ModuleModel,
  isPublic: (name: string) => boolean,
  own: ReadonlySet<string>,
  add: Add,
  lookup: ClassLookup,
  byPath: ReadonlyMap<string, ModuleModel>
): void {
  // A module other than a package's `__init__.py` that imports a helper without naming it in
  // `__all__` uses it; it does not offer it (parso 0.7's `tree.py` importing `utf8_repr` from
  // `_compatibility`: judged no break when the shim went).
  const initModule = module.path === '__init__.py' || module.path.endsWith('/__init__.py')
  if (!module.all && !initModule) return
  for (const imp of module.imports) {
    if (imp.kind !== 'python' || !imp.resolved) continue
    const source = byPath.get(imp.resolved)
    if (!source || source === module || source.isTest || isPublicPythonPath(source.path)) continue
    const functions = topLevel(source)
    for (const { imported, local } of imp.names) {
      if (imported === '*' || own.has(local) || !isPublic(local)) continue
      const fn = functions.get(imported)
      const cls = source.classes.find((c) => c.name === imported && !c.qualifiedName.includes('.'))
      if (fn && fn.kind === 'function') add(functionItem(local, fn, 'function'), source.path)
      else if (cls) {
        add({ name: local, kind: 'class', local: cls.name, loc: cls.loc }, source.path)
        classMembers(source, cls.name, local, add, lookup, new Set(), true)
      }
    }
  }
}

/**
 * A public module-level name bound to an instance of a class the module defines (natsort's
 * `ns = _NSEnum(...)`): what users reach through it are that class's public members (`ns.TYPESAFE`).
 */
function instanceMembers(
  module: ModuleModel,
  isPublic: (name: string) => boolean,
  add: Add,
  lookup: ClassLookup
): void {
  for (const variable of module.variables) {
    if (variable.initKind !== 'call' || !isPublic(variable.name)) continue
    const call = module.calls.find(
      (c) =>
        !c.enclosing &&
        !c.receiver &&
        c.loc.startLine === variable.loc.startLine &&
        c.assignedTo === variable.name
    )
    const cls =
      call && module.classes.find((c) => c.name === call.name && !c.qualifiedName.includes('.'))
    if (!cls) continue
    classMembers(module, cls.name, variable.name, add, lookup)
  }
}

/** A comparable signature: parameter names and types and the return type, for rename detection. */
export function signatureText(item: ApiItem): string {
  if (!item.params) return `${item.kind}`
  const params = item.params.map(
    (p) =>
      `${p.rest ? '...' : ''}${item.language === 'python' ? p.name : ''}${p.optional ? '?' : ''}:${normaliseType(p.type)}`
  )
  return `${item.kind}(${params.join(',')}):${normaliseType(item.returnType)}`
}

export function normaliseType(type: string | undefined): string {
  return (type ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([,;:|&<>()[\]{}=])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim()
}

/** How a function is written, for messages: `parse(text: string, opts?: Options)`. */
export function describeSignature(item: ApiItem): string {
  if (!item.params) return item.name
  const params = item.params.map((p) => {
    const star = p.rest ? (item.language === 'python' ? '*' : '...') : ''
    const type = p.type ? `: ${p.type}` : ''
    const opt = p.optional && !p.defaultValue && item.language !== 'python' ? '?' : ''
    const def = p.defaultValue ? ` = ${p.defaultValue}` : ''
    return `${star}${p.name}${opt}${type}${def}`
  })
  const shown = item.name === 'default' && item.local !== 'default' ? item.local : item.name
  // One line: a type written over several lines would end a `//` comment in a spec halfway through.
  const text =
    `${shown}(${params.join(', ')})${item.returnType ? `: ${item.returnType}` : ''}`.replace(
      /\s+/g,
      ' '
    )
  return text.length > 160 ? `${text.slice(0, 157)}…` : text
}
