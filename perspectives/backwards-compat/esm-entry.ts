// Two package.json changes that close paths users had without removing a file from the entry: an
// `exports` map added where there was none (every module file `require('pkg/lib/x')` reached and the
// map does not list stops resolving: fs-extra 11, uuid 8's `uuid/v4`), and an `import` condition
// that now leads ESM users to a wrapper without a default export where they got the CommonJS
// `module.exports` as their default before (uuid 8's `wrapper.mjs`).
import type { CodeModel, PackageManifest } from '../../src/model/types.js'
import { isApiPath } from './api.js'
import type { Change } from './compare.js'
import { exportSubpaths } from './ts-entries.js'

const MODULE_FILE = /\.(c|m)?js$/
const SHOWN = 3

function rootPackage(model: CodeModel): PackageManifest | undefined {
  return model.facts.manifests.find((m) => m.kind === 'package.json' && m.path === 'package.json')
}

function matches(pattern: string, subpath: string): boolean {
  const star = pattern.indexOf('*')
  if (star < 0) return pattern === subpath || (pattern.endsWith('/') && subpath.startsWith(pattern))
  return subpath.startsWith(pattern.slice(0, star)) && subpath.endsWith(pattern.slice(star + 1))
}

/** The module files of the base a deep `require` reached that HEAD's new `exports` map closes. */
function closedDeepImports(base: CodeModel, was: PackageManifest, now: PackageManifest): string[] {
  const subpaths = [...exportSubpaths(now.exports).keys()]
  const main = (was.main ?? 'index.js').replace(/^\.\//, '')
  return base.modules
    .map((m) => m.path)
    .filter(
      (path) => MODULE_FILE.test(path) && isApiPath(path) && !path.startsWith('node_modules/')
    )
    .filter((path) => path !== main && path !== `${main}.js`)
    .filter((path) => {
      const withExt = `./${path}`
      const bare = withExt.replace(MODULE_FILE, '')
      return !subpaths.some((s) => matches(s, withExt) || matches(s, bare))
    })
    .sort()
}

/** The `import` condition's target for `.`, when HEAD names one. */
function importTarget(manifest: PackageManifest): string | undefined {
  const targets = exportSubpaths(manifest.exports).get('.') ?? []
  return targets
    .find((t) => t.conditions.includes('import') && !t.conditions.includes('types'))
    ?.target.replace(/^\.\//, '')
}

export function esmEntryChanges(base: CodeModel, head: CodeModel, ref: string): Change[] {
  const was = rootPackage(base)
  const now = rootPackage(head)
  if (!was || !now) return []
  const name = now.name ?? was.name ?? 'the package'
  const changes: Change[] = []
  if (was.exports === undefined && now.exports !== undefined) {
    const closed = closedDeepImports(base, was, now)
    if (closed.length > 0) {
      const shown = closed.slice(0, SHOWN).map((p) => `${name}/${p.replace(MODULE_FILE, '')}`)
      const more = closed.length > SHOWN ? ` and ${closed.length - SHOWN} more` : ''
      changes.push({
        messageId: 'deepImportsClosed',
        data: {
          file: now.path,
          ref,
          count: closed.length,
          example: shown[0],
          examples: `${shown.join(', ')}${more}`
        },
        severity: 'high',
        confidence: 'high',
        rationale: `Read from ${now.path} and the module files at ${ref}: without an \`exports\` map any file of the package can be required by its path; with one, only the subpaths it lists resolve (ERR_PACKAGE_PATH_NOT_EXPORTED).`,
        key: `${now.path}:exports:deep`,
        place: {
          base: {
            file: now.path,
            line: 0,
            lookedFor: `"exports" in ${now.path} at HEAD and the module files at ${ref}`
          }
        },
        bump: 'major'
      })
    }
  }
  // At the base Node.js gave `import x from 'pkg'` the CommonJS `module.exports` as its default.
  const target = importTarget(now)
  const baseCommonJs =
    was.type !== 'module' && (was.exports === undefined || importTarget(was) === undefined)
  const wrapper = target ? head.modules.find((m) => m.path === target) : undefined
  if (
    baseCommonJs &&
    wrapper &&
    /\.mjs$/.test(wrapper.path) &&
    wrapper.exports.length > 0 &&
    !wrapper.exports.some((e) => e.name === 'default')
  ) {
    const main = (was.main ?? 'index.js').replace(/^\.\//, '')
    changes.push({
      messageId: 'exportRemoved',
      data: {
        what: 'Export',
        name: 'default',
        signature: `the CommonJS \`module.exports\` of ${main}, the default of \`import x from '${name}'\``,
        file: main,
        line: 1,
        ref,
        renamed: ` for ESM users: the \`import\` condition of ${now.path} now leads to ${wrapper.path}, which has named exports only`
      },
      severity: 'high',
      confidence: 'high',
      rationale: `Node.js imports a CommonJS package's \`module.exports\` as the default export; an \`import\` condition that leads to an ES module without \`export default\` takes that default away.`,
      key: `${now.path}:exports:import-default`,
      symbol: 'default',
      place: {
        head: {
          file: wrapper.path,
          loc: { startLine: 1, endLine: 1, startColumn: 0, endColumn: 0 }
        }
      },
      bump: 'major'
    })
  }
  return changes
}
