// A module users could import by its path that HEAD no longer has at all: `require('pkg/dist/x.js')`
// (a file the base's package.json named, in a package without an `exports` map) or `import pkg.contrib`
// stops resolving. One finding per module
// (for Python the topmost package gone), which takes in the removals of the names it exported:
// source-map 0.7's deleted `dist/source-map.debug.js`, pyjwt 2's `jwt.contrib` (compat held-out-4).
import type { CodeModel, ModuleModel } from '../../src/model/types.js'
import { isApiPath, isPublicPythonPath, shippedPython } from './api.js'
import type { Change } from './compare.js'
import { namedEntryFiles } from './public-files.js'
import { dropsPython2, isPython2Bridge } from './python2-shims.js'

const JS_MODULE = /\.[cm]?js$/
const ANY_SCRIPT = /(\.d)?\.[cm]?[jt]sx?$/
/** The model's removals of names a removed module exported: one change with the module's. */
const FOLDED = new Set(['exportRemoved', 'memberRemoved', 'typeRemoved'])
const SHOWN = 8

interface RemovedModule {
  /** How users import it: `jwt.contrib`, `pkg/dist/x.js`. */
  name: string
  file: string
  /** Files it covers (a Python package: every module under it). */
  files: Set<string>
  /** A file no entry named: its removal, and the names it exported, are no break. */
  private?: true
}

function dirOf(path: string): string {
  const at = path.lastIndexOf('/')
  return at < 0 ? '' : path.slice(0, at)
}

function pythonModules(model: CodeModel): ModuleModel[] {
  const shipped = shippedPython(model)
  return model.modules.filter(
    (m) =>
      m.language === 'python' &&
      !m.isTest &&
      isApiPath(m.path) &&
      isPublicPythonPath(m.path) &&
      shipped(m.path)
  )
}

/** Dotted import names of a model's public Python modules: folders with `__init__.py` are packages. */
function dottedNames(model: CodeModel): Map<string, string> {
  const packages = new Set(
    model.modules
      .filter((m) => m.language === 'python' && /(^|\/)__init__\.pyi?$/.test(m.path))
      .map((m) => dirOf(m.path))
  )
  const names = new Map<string, string>()
  for (const module of pythonModules(model)) {
    const parts = module.path.replace(/\.pyi?$/, '').split('/')
    let start = parts.length - 1
    while (start > 0 && packages.has(parts.slice(0, start).join('/'))) start--
    const dotted = parts
      .slice(start)
      .join('.')
      .replace(/\.__init__$/, '')
    if (!names.has(dotted)) names.set(dotted, module.path)
  }
  return names
}

function removedPython(base: CodeModel, head: CodeModel): RemovedModule[] {
  const was = dottedNames(base)
  const now = dottedNames(head)
  const gone = [...was.keys()].filter((name) => !now.has(name))
  const goneSet = new Set(gone)
  const topmost = gone.filter((name) => {
    const parts = name.split('.')
    return !parts.slice(1).some((_, i) => goneSet.has(parts.slice(0, i + 1).join('.')))
  })
  const byPath = new Map(base.modules.map((m) => [m.path, m]))
  const bridgesGone = dropsPython2(head)
  return topmost.sort().map((name) => {
    const files = new Set(
      gone.filter((g) => g === name || g.startsWith(`${name}.`)).map((g) => was.get(g) as string)
    )
    // A Python 2/3 bridge removed with Python 2 itself was the package's own plumbing.
    const bridge =
      bridgesGone &&
      [...files].every((f) => {
        const module = byPath.get(f)
        return module !== undefined && isPython2Bridge(module)
      })
    return {
      name,
      file: was.get(name) as string,
      files,
      ...(bridge ? { private: true as const } : {})
    }
  })
}

function rootPackageHasExports(model: CodeModel): boolean {
  return model.facts.manifests.some(
    (m) => m.kind === 'package.json' && m.path === 'package.json' && m.exports !== undefined
  )
}

function removedScripts(base: CodeModel, head: CodeModel): RemovedModule[] {
  // With an `exports` map only its subpaths resolve: entryPointRemoved and deepImportsClosed say it.
  if (rootPackageHasExports(base) || rootPackageHasExports(head)) return []
  if (!base.facts.manifests.some((m) => m.path === 'package.json')) return []
  const stem = (path: string): string => path.replace(ANY_SCRIPT, '')
  // Every path HEAD has (a file the loader skipped, minified or too large, is still there).
  const headPaths = new Set(
    [...(head.surface?.files.map((f) => f.path) ?? []), ...head.modules.map((m) => m.path)].map(
      stem
    )
  )
  // Only a file the base's package.json named (its `main`, `bin`, `types`...) was public by its path: a
  // helper the entry requires for itself (depd 1's lib/compat/*.js) or a bundle's source is not.
  const named = namedEntryFiles(base) ?? new Set<string>()
  return base.modules
    .filter(
      (m) =>
        JS_MODULE.test(m.path) &&
        !m.isTest &&
        isApiPath(m.path) &&
        !m.path.startsWith('node_modules/') &&
        !headPaths.has(stem(m.path))
    )
    .map((m) => ({
      name: m.path,
      file: m.path,
      files: new Set([m.path]),
      ...(named.has(m.path) ? {} : { private: true })
    }))
}

/**
 * The modules gone at HEAD, as changes, with the model's removals of their names taken in (the rest
 * of `changes` is returned as it was).
 */
export function removedModules(
  base: CodeModel,
  head: CodeModel,
  changes: Change[],
  ref: string,
  packageName: string | undefined
): Change[] {
  const removed = [...removedPython(base, head), ...removedScripts(base, head)]
  if (removed.length === 0) return changes
  const byFile = new Map<string, RemovedModule>()
  for (const module of removed) for (const file of module.files) byFile.set(file, module)
  const names = new Map<RemovedModule, string[]>()
  const kept = changes.filter((change) => {
    if (!FOLDED.has(change.messageId) || !('base' in change.place)) return true
    const module = byFile.get(change.place.base.file)
    if (!module) return true
    const list = names.get(module) ?? []
    const name = String(change.symbol ?? change.data.name ?? '')
    if (name && !list.includes(name)) list.push(name)
    names.set(module, list)
    return false
  })
  for (const module of removed) {
    if (module.private) continue
    const exported = names.get(module) ?? []
    const python = /\.pyi?$/.test(module.file)
    const importPath = python
      ? `import ${module.name}`
      : `require('${packageName ? `${packageName}/` : ''}${module.name}')`
    const shown = exported.slice(0, SHOWN).map((n) => `\`${n}\``)
    const more = exported.length > SHOWN ? ` and ${exported.length - SHOWN} more` : ''
    kept.push({
      messageId: 'moduleRemoved',
      data: {
        module: module.name,
        file: module.file,
        ref,
        importPath,
        package: module.files.size > 1 ? `, a package of ${module.files.size} modules` : '',
        exported: exported.length > 0 ? `; it exported ${shown.join(', ')}${more}` : ''
      },
      severity: 'medium',
      confidence: 'high',
      rationale: python
        ? `Read from the module files at ${ref} and at HEAD: a public module (no \`_private\` part in its path) that no file provides at HEAD cannot be imported.`
        : `Read from the module files at ${ref} and at HEAD: package.json named this file at ${ref} (its \`main\`, \`bin\`, \`types\` or \`module\`) and, without an \`exports\` map, users could require it by its path; it is gone. Medium: users may not import that file directly.`,
      key: `module:${module.name}`,
      symbol: module.name,
      place: {
        base: {
          file: module.file,
          line: 1,
          lookedFor: `${module.name} (${module.file}) at ${ref}, and any file providing it at HEAD`
        }
      },
      bump: 'major'
    })
  }
  return kept
}
