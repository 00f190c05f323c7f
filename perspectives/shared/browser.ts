// A JavaScript file a web page loads rather than Node: it imports nothing (no `import`, no `require`),
// and sits in a folder of page assets (static/, public/, assets/, shared/) or uses the page's globals
// (`window`, `document`). Node-only framing (process exit, Node's fetch and its missing default timeout)
// does not apply there (werkzeug's debugger/shared/debugger.js, judged mis-framed).
import type { Location, ModuleModel } from '../../src/model/types.js'

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

/**
 * Puppeteer's and Playwright's page methods that serialise the function they are given and run it in the
 * page (`page.evaluate(async (uri) => { await fetch(uri) }, uri)`): that function's code runs in the browser,
 * whatever the file around it runs in.
 */
const PAGE_RUNNERS = new Set([
  'evaluate',
  'evaluateHandle',
  '$eval',
  '$$eval',
  'waitForFunction',
  'evaluateOnNewDocument',
  'addInitScript'
])

const within = (inner: Location, outer: Location): boolean =>
  (inner.startLine > outer.startLine ||
    (inner.startLine === outer.startLine && inner.startColumn >= outer.startColumn)) &&
  (inner.endLine < outer.endLine ||
    (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn))

/**
 * The site lies inside a function handed to a browser page to run (PAGE_RUNNERS on a receiver): Node's
 * framing (its fetch's missing timeout, its exit on an unhandled rejection) does not apply there (marp-cli's
 * data-URI fetch inside `page.evaluate`, judged false in round 12).
 */
export function runsInPage(module: ModuleModel, at: Location): boolean {
  if (!['javascript', 'typescript', 'jsx', 'tsx'].includes(module.language)) return false
  return module.calls.some(
    (c) =>
      c.receiver !== undefined &&
      PAGE_RUNNERS.has(c.name) &&
      (c.arguments ?? []).some(
        (a) => a.kind === 'function' && a.loc !== undefined && within(at, a.loc)
      )
  )
}
