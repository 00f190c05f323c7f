// A third-party single-file library copied into a package (pypiserver's `bottle_wrapper/bottle.py`, bottle
// 0.12.25 by its own author, judged false in session 15): its functions are another project's API, not this
// project's, and what reaches them here comes from this project's callers and its operator's settings
// (bottle's `load(target)` evals the `--server` name the operator chose). A vendored folder is skipped by the
// loader already; a copy sitting in the package's own folder is recognised by the metadata it carries.
import type { CodeModel, ModuleModel } from '../../src/model/types.js'

const METADATA = new Set(['__author__', '__license__'])
const VERSION_LITERAL = /__version__\s*=\s*['"]([^'"]+)['"]/

/**
 * A Python module, not a package's `__init__.py`, inside a package folder of the project, that declares its
 * own `__version__` and `__author__` or `__license__`, with a version that is not the project's: a library
 * release carried along. A project's own single-file module at its root (bottle itself) is not a copy.
 */
export function isVendoredCopy(
  model: CodeModel,
  module: ModuleModel,
  source: (path: string) => string | undefined
): boolean {
  if (module.language !== 'python' || /(^|\/)__init__\.py$/.test(module.path)) return false
  const folder = module.path.split('/').slice(0, -1).join('/')
  if (folder === '' || !model.modules.some((m) => m.path === `${folder}/__init__.py`)) return false
  const names = new Set(module.variables.map((v) => v.name))
  if (!names.has('__version__') || ![...METADATA].some((n) => names.has(n))) return false
  const version = VERSION_LITERAL.exec(source(module.path) ?? '')?.[1]
  if (!version) return false
  const own = new Set(model.facts.manifests.map((m) => m.version).filter((v): v is string => !!v))
  for (const m of model.modules) {
    if (m === module || !/(^|\/)__init__\.py$|(^|\/)(__about__|_?version)\.py$/.test(m.path))
      continue
    const v = VERSION_LITERAL.exec(source(m.path) ?? '')?.[1]
    if (v) own.add(v)
  }
  return !own.has(version)
}
