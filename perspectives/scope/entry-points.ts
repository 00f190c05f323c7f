// Entry points: where users and other programs enter the code. Package `bin` commands, modules run as
// programs (`if __name__ == "__main__"`, a `#!` line, `__main__.py`), modules that build a CLI with a
// known framework, and HTTP routes (calls such as `app.get('/x', ...)`, decorators such as
// `@app.route('/x')`, Django urls and Next.js API files) — all read from the model.
import type { CodeModel, Location, ModuleModel } from '../../src/model/types.js'
import { routesOf } from '../shared/routes.js'
import { isDeclarationFile } from '../shared/units.js'
import type { PackageEntry } from './inventory.js'

export type EntryKind = 'bin' | 'main' | 'cli' | 'http-route'

export interface EntryPoint {
  kind: EntryKind
  /** The command, the module, the framework, or `GET /users`. */
  name: string
  /** The analysed module, or null when a bin target is not among the analysed files. */
  file: string | null
  loc: Location | null
  /** Where it was seen: `package.json bin`, `if __name__ == "__main__"`, `import argparse`, `express`. */
  via: string
  /** HTTP routes: method and path. */
  method?: string
  path?: string
}

const CLI_FRAMEWORKS: ReadonlySet<string> = new Set([
  'commander',
  'yargs',
  'yargs/yargs',
  'meow',
  'cac',
  'sade',
  'citty',
  'clipanion',
  'minimist',
  '@oclif/core',
  'node:util#parseArgs',
  'argparse',
  'click',
  'typer',
  'fire',
  'docopt',
  'optparse'
])

export function findEntryPoints(model: CodeModel, packageEntries: PackageEntry[]): EntryPoint[] {
  const byPath = new Map(model.modules.map((m) => [m.path, m]))
  const entries: EntryPoint[] = []
  for (const e of packageEntries) {
    if (e.field !== 'bin') continue
    entries.push({
      kind: 'bin',
      name: e.key,
      file: e.module,
      loc: binLocation(e, byPath),
      via: `${e.manifest} bin`
    })
  }
  for (const module of model.modules) {
    // A declaration file keeps its source's `#!` line and imports, but nothing in it runs.
    if (module.isTest || isDeclarationFile(module.path)) continue
    const main = mainEntry(module)
    if (main) entries.push(main)
    entries.push(...cliEntries(module), ...routeEntries(module))
  }
  return entries
}

/** A Python entry (`pkg.cli:main`) points at its function; a script at its first line. */
function binLocation(entry: PackageEntry, byPath: Map<string, ModuleModel>): Location | null {
  const module = entry.module ? byPath.get(entry.module) : undefined
  const colon = entry.spec.indexOf(':')
  if (module && colon > 0) {
    const name = entry.spec.slice(colon + 1).trim()
    const fn = module.functions.find((f) => f.qualifiedName === name)
    if (fn) return fn.loc
  }
  return firstLine(module)
}

function firstLine(module: ModuleModel | undefined): Location | null {
  if (!module || module.lines === 0) return null
  return { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }
}

function mainEntry(module: ModuleModel): EntryPoint | null {
  if (module.language === 'python') {
    const guard = module.conditions.find((c) =>
      c.comparisons.some(
        (k) => (k.left === '__name__' || k.right === '__name__') && k.literal === '__main__'
      )
    )
    if (guard)
      return {
        kind: 'main',
        name: module.path,
        file: module.path,
        loc: guard.loc,
        via: 'if __name__ == "__main__"'
      }
    if (module.path === '__main__.py' || module.path.endsWith('/__main__.py')) {
      return {
        kind: 'main',
        name: module.path,
        file: module.path,
        loc: firstLine(module),
        via: '__main__.py'
      }
    }
  }
  if (module.hasMain)
    return {
      kind: 'main',
      name: module.path,
      file: module.path,
      loc: firstLine(module),
      via: '#! line'
    }
  return null
}

function cliEntries(module: ModuleModel): EntryPoint[] {
  const out: EntryPoint[] = []
  const seen = new Set<string>()
  for (const decl of module.imports) {
    const source = decl.source.replace(/^node:/, '')
    const key =
      source === 'util' && decl.names.some((n) => n.imported === 'parseArgs')
        ? 'node:util#parseArgs'
        : source
    if (!CLI_FRAMEWORKS.has(key) || seen.has(key)) continue
    seen.add(key)
    out.push({
      kind: 'cli',
      name: key === 'node:util#parseArgs' ? 'util.parseArgs' : key,
      file: module.path,
      loc: decl.loc,
      via: `import ${decl.source}`
    })
  }
  return out
}

/** HTTP routes the module registers (perspectives/shared/routes.ts, shared with integration-points). */
function routeEntries(module: ModuleModel): EntryPoint[] {
  return routesOf(module).map((route) => ({
    kind: 'http-route',
    name: `${route.method} ${route.path}`,
    file: module.path,
    loc: route.loc,
    via: route.via,
    method: route.method,
    path: route.path
  }))
}

/**
 * Functions that run a command line and read argv: a manifest's `pkg.cli:main` target, and `main` in
 * a module that is run as a program or builds a CLI. Keys are `file#qualifiedName`.
 */
export function commandFunctions(
  entries: EntryPoint[],
  packageEntries: PackageEntry[]
): Set<string> {
  const keys = new Set<string>()
  for (const e of packageEntries) {
    const colon = e.spec.indexOf(':')
    if (e.field === 'bin' && e.module && colon > 0)
      keys.add(`${e.module}#${e.spec.slice(colon + 1).trim()}`)
  }
  for (const e of entries)
    if ((e.kind === 'main' || e.kind === 'cli') && e.file) keys.add(`${e.file}#main`)
  return keys
}
