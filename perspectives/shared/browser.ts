// A JavaScript file a web page loads rather than Node: it imports nothing (no `import`, no `require`),
// and sits in a folder of page assets (static/, public/, assets/, shared/) or uses the page's globals
// (`window`, `document`). Node-only framing (process exit, Node's fetch and its missing default timeout)
// does not apply there (werkzeug's debugger/shared/debugger.js, judged mis-framed).
import type { ModuleModel } from '../../src/model/types.js'

const PAGE_FOLDERS = new Set(['static', 'public', 'assets', 'shared', 'www', 'htdocs'])
const PAGE_GLOBALS = ['window', 'document']

export function browserScript(module: ModuleModel): boolean {
  if (module.language !== 'javascript') return false
  if (module.imports.length > 0) return false
  if (module.calls.some((c) => c.callee === 'require' || c.callee === 'importScripts')) return false
  const folders = module.path.split('/').slice(0, -1)
  if (folders.some((f) => PAGE_FOLDERS.has(f))) return true
  const used = new Set(module.namesUsed ?? [])
  return PAGE_GLOBALS.some((g) => used.has(g))
}
