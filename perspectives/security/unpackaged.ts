// JavaScript no package.json governs in a project of another language: scripts a Python (or other) project serves to browsers, like
// Radicale's web UI under `radicale/web/internal_data/js/`. Nobody installs or imports these modules from
// outside the repository, so their exported functions and classes are no API: a parameter holds what the
// repository's own code passes, not an attacker's value (`ErrorHandler.setError(errorMessage)`, fed fixed
// strings and server status text, reached innerHTML and was judged false in session 14). Route handlers
// keep their request parameters; sources the page reads itself (location, messages) stay sources.
import type { CodeModel, ModuleModel } from '../../src/model/types.js'
import { isHandler, isPython } from './taint-entries.js'

/** Per module path outside every npm package, its functions whose parameters are not entries. */
export function unpackagedFunctions(
  model: CodeModel,
  modules: ModuleModel[]
): Map<string, Set<string>> {
  const roots = model.facts.manifests
    .filter((m) => m.kind === 'package.json')
    .map((m) => m.path.split('/').slice(0, -1).join('/'))
  const out = new Map<string, Set<string>>()
  // Only inside a project of another language: a repository of JavaScript alone with no package.json
  // (a Deno module) may still be imported by others.
  if (!model.facts.manifests.some((m) => m.kind !== 'package.json' && m.kind !== 'requirements'))
    return out
  for (const module of modules) {
    if (isPython(module)) continue
    const governed = roots.some((r) => r === '' || module.path.startsWith(`${r}/`))
    if (governed) continue
    const names = module.functions.filter((f) => !isHandler(f)).map((f) => f.qualifiedName)
    if (names.length > 0) out.set(module.path, new Set(names))
  }
  return out
}
