// What the code-reading perspectives (data-integrity, error-handling, user-experience) build their
// check input from: the product modules in a language the checks speak, their functions by name,
// the module names they import, and the programs the manifests declare.
import type { CodeModel, FunctionDecl, ModuleModel } from '../../src/model/types.js'
import { splitScript } from '../ci-cd/shell.js'
import { type Dialect, dialectOf, placeText } from '../kit/index.js'
import type { Quoter } from './evidence.js'
import { isTestSupportPath } from './support-files.js'
import { isDeclarationFile } from './units.js'

/** A product module with the family of language its checks read it in. */
export interface ProductModule {
  module: ModuleModel
  dialect: Dialect
}

/** What every check of such a perspective reads; `I` is the perspective's own module record. */
export interface CheckInput<I> {
  model: CodeModel
  modules: I[]
  quote: Quoter
}

/** Tests, test support files, fixtures and declaration files left out; only JS/TS and Python. */
export function productModules(model: CodeModel): ProductModule[] {
  const out: ProductModule[] = []
  for (const module of model.modules) {
    if (module.isTest || isTestSupportPath(module.path) || isDeclarationFile(module.path)) continue
    const dialect = dialectOf(module)
    if (dialect) out.push({ module, dialect })
  }
  return out
}

/** `node:fs` and `fs` are one module. */
export function normaliseSource(source: string): string {
  return source.startsWith('node:') ? source.slice(5) : source
}

/** A module's functions by qualified name. */
export function functionsByName(module: ModuleModel): Map<string, FunctionDecl> {
  return new Map(module.functions.map((f) => [f.qualifiedName, f]))
}

/** The module names a module imports, normalised. */
export function importedSources(module: ModuleModel): Set<string> {
  return new Set(module.imports.map((d) => normaliseSource(d.source)))
}

/** `parse() in src/a.ts`, or `module scope of src/a.ts`. */
export function whereIn(module: ModuleModel, functionName: string | undefined): string {
  return placeText(module.path, functionName)
}

/** A program a manifest declares: a package.json bin (its file) or a Python console script (its module). */
export type DeclaredProgram =
  | { kind: 'bin'; command: string; manifest: string; file: string }
  | { kind: 'console-script'; command: string; manifest: string; modulePath: string }

/**
 * Every bin of every package.json (the file, relative to the repository) and every console script
 * of a Python manifest (its module as a path: `pkg.cli:main` gives `pkg/cli`).
 */
export function declaredPrograms(model: CodeModel): DeclaredProgram[] {
  const out: DeclaredProgram[] = []
  for (const manifest of model.facts.manifests) {
    const dir = manifest.path.includes('/')
      ? manifest.path.slice(0, manifest.path.lastIndexOf('/') + 1)
      : ''
    for (const [command, target] of Object.entries(manifest.bin)) {
      if (manifest.kind === 'package.json')
        out.push({
          kind: 'bin',
          command,
          manifest: manifest.path,
          file: `${dir}${target.replace(/^\.\//, '')}`
        })
      else {
        const mod = target.split(':')[0].trim()
        if (mod)
          out.push({
            kind: 'console-script',
            command,
            manifest: manifest.path,
            modulePath: mod.split('.').join('/')
          })
      }
    }
  }
  return out
}

/** Programs that run a file: `node [flags] file`, `tsx file`, `ts-node file`, `bun [run] file`. */
const RUNNERS = new Set(['node', 'nodejs', 'tsx', 'ts-node', 'bun', 'deno', 'babel-node'])
const RUNNABLE = /\.([cm]?[jt]s|[jt]sx)$/

/** A file a package.json script runs (`"analyze": "node read-cpuprofile.js"`): a program too. */
export interface ScriptProgram {
  script: string
  manifest: string
  file: string
}

function joinPath(dir: string, rel: string): string {
  const parts = dir.split('/').filter((p) => p !== '' && p !== '.')
  for (const p of rel.split('/')) {
    if (p === '' || p === '.') continue
    if (p === '..') parts.pop()
    else parts.push(p)
  }
  return parts.join('/')
}

/**
 * The files package.json scripts run with a JavaScript runtime, relative to the repository: the
 * script's folder is the manifest's, moved by a leading `cd dir &&`; environment assignments and
 * `cross-env` before the runtime, and its flags, are skipped.
 */
export function scriptPrograms(model: CodeModel): ScriptProgram[] {
  const out: ScriptProgram[] = []
  for (const manifest of model.facts.manifests) {
    if (manifest.kind !== 'package.json') continue
    const base = manifest.path.includes('/')
      ? manifest.path.slice(0, manifest.path.lastIndexOf('/'))
      : ''
    for (const [script, command] of Object.entries(manifest.scripts)) {
      let dir = base
      for (const { words } of splitScript(command)) {
        if (words[0] === 'cd' && words[1]) {
          dir = joinPath(dir, words[1])
          continue
        }
        let i = 0
        while (
          i < words.length &&
          (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]) || words[i] === 'cross-env')
        )
          i++
        if (!RUNNERS.has(words[i] ?? '')) continue
        i++
        if (words[i] === 'run') i++
        while (i < words.length && words[i].startsWith('-')) i++
        const file = words[i]
        if (file && RUNNABLE.test(file))
          out.push({ script, manifest: manifest.path, file: joinPath(dir, file) })
      }
    }
  }
  return out
}

/**
 * `nodemon is a command-line tool (bin nodemon)` when the root manifest declares a program: values its
 * functions match are then usually its own user's configuration or flags, not text from someone else.
 */
export function commandLineTool(model: CodeModel): string | undefined {
  const root = model.facts.manifests.find(
    (m) => !m.path.includes('/') && Object.keys(m.bin).length > 0
  )
  if (!root) return undefined
  const commands = Object.keys(root.bin)
  const name = root.name ?? commands[0]
  return `${name} is a command-line tool (${root.kind === 'package.json' ? 'bin' : 'console script'} ${commands.slice(0, 2).join(', ')})`
}

/**
 * The root package.json declares a way for other programs to import it beyond `main`: an `exports` map,
 * type declarations, or an ESM/browser build. Such a package is a library even when it also ships a bin
 * (liquidjs, jsonpath-plus): its functions handle data from the programs that import it.
 */
export function importableLibrary(model: CodeModel): boolean {
  const root = model.facts.manifests.find((m) => !m.path.includes('/') && m.kind === 'package.json')
  return !!root && (root.exports !== undefined || !!root.types || !!root.module)
}
