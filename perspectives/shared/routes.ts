// HTTP routes a module serves (shared by scope's entry points and integration-points' map): verb-named registrations (`app.get('/x', h)`, `router.post(...)`,
// Flask/FastAPI decorators, which the model records as calls), Django `path()`/`re_path()` entries
// in a urls module, and Next.js API routes by file convention (`pages/api/**`, `app/**/route.ts`).
import type { Location, ModuleModel } from '../../src/model/types.js'
import { stringLiteralValue } from './literals.js'
import { HTTP_SERVERS } from './packages.js'
import { splitTopLevel } from './values.js'

export interface Route {
  method: string
  path: string
  module: string
  loc: Location
  /** The framework or convention it was seen through. */
  via: string
  /** The handler function, when it is a named one in the module. */
  handler?: string
}

const SERVER_FRAMEWORKS: ReadonlySet<string> = new Set([...HTTP_SERVERS, 'aiohttp'])

/** Receivers that conventionally hold an app or router, for modules that get theirs passed in. */
const RECEIVERS: ReadonlySet<string> = new Set([
  'app',
  'router',
  'server',
  'api',
  'routes',
  'route',
  'bp',
  'blueprint',
  'fastify',
  'instance'
])

const VERBS: ReadonlyMap<string, string> = new Map([
  ['get', 'GET'],
  ['post', 'POST'],
  ['put', 'PUT'],
  ['patch', 'PATCH'],
  ['delete', 'DELETE'],
  ['del', 'DELETE'],
  ['head', 'HEAD'],
  ['options', 'OPTIONS'],
  ['all', 'ANY'],
  ['route', 'ANY'],
  ['api_route', 'ANY'],
  ['websocket', 'WS']
])

const NEXT_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS'
])

function frameworkOf(module: ModuleModel): string | undefined {
  for (const d of module.imports) {
    const s = d.source.replace(/^node:/, '')
    const head = s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split(/[./]/)[0]
    if (SERVER_FRAMEWORKS.has(s) || SERVER_FRAMEWORKS.has(head)) return head
  }
  return undefined
}

/** Flask `methods=['GET', 'POST']`, read from the argument text the model kept. */
function methodsKeyword(args: string[]): string | undefined {
  const arg = args.find((a) => a.replace(/\s+/g, '').startsWith('methods='))
  if (!arg) return undefined
  const list = arg.slice(arg.indexOf('=') + 1).trim()
  if (!list.startsWith('[') && !list.startsWith('(')) return undefined
  const items = splitTopLevel(list.slice(1, -1), ',')
    .map((m) => stringLiteralValue(m.trim()))
    .filter((m): m is string => m !== undefined)
  return items.length > 0 ? items.map((m) => m.toUpperCase()).join('|') : undefined
}

function callRoutes(module: ModuleModel): Route[] {
  const framework = frameworkOf(module)
  const out: Route[] = []
  const functionsByLine = new Map(module.functions.map((f) => [f.loc.startLine, f.name]))
  for (const call of module.calls) {
    if (!call.receiver) continue
    const verb = VERBS.get(call.name)
    if (!verb) continue
    const path = stringLiteralValue(call.args[0])
    if (path === undefined || !path.startsWith('/')) continue
    const receiver = call.receiver.split('.').pop() ?? ''
    if (!framework && !RECEIVERS.has(receiver)) continue
    // A decorator sits on the line before its function; a registration names its handler last.
    const lastArg = call.args[call.args.length - 1]
    const named =
      lastArg && /^[A-Za-z_$][\w$.]*$/.test(lastArg) && call.args.length > 1 ? lastArg : undefined
    const handler = named ?? functionsByLine.get(call.loc.endLine + 1)
    out.push({
      method:
        verb === 'ANY'
          ? (methodsKeyword(call.args) ?? (framework === 'flask' ? 'GET' : verb))
          : verb,
      path,
      module: module.path,
      loc: call.loc,
      via: framework ?? `${call.receiver}.${call.name}`,
      ...(handler ? { handler } : {})
    })
  }
  return out
}

function djangoRoutes(module: ModuleModel): Route[] {
  const urlsModule = module.path === 'urls.py' || module.path.endsWith('/urls.py')
  const importsDjango = module.imports.some(
    (d) => d.source === 'django.urls' || d.source === 'django.conf.urls'
  )
  if (!urlsModule || !importsDjango) return []
  const out: Route[] = []
  for (const call of module.calls) {
    if (call.receiver || !['path', 're_path', 'url'].includes(call.name)) continue
    const pattern = stringLiteralValue(call.args[0])
    if (pattern === undefined) continue
    const view = call.args[1]?.trim()
    if (view?.startsWith('include(')) continue
    out.push({
      method: 'ANY',
      path: `/${pattern.replace(/^\^/, '').replace(/\$$/, '')}`,
      module: module.path,
      loc: call.loc,
      via: `django ${call.name}()`,
      ...(view && /^[\w.]+$/.test(view) ? { handler: view } : {})
    })
  }
  return out
}

/** `pages/api/users/[id].ts` -> `/api/users/[id]`; `app/api/users/route.ts` -> `/api/users`. */
function nextRoutes(module: ModuleModel): Route[] {
  const parts = module.path.split('/')
  const pagesAt = parts.findIndex((p, i) => p === 'pages' && parts[i + 1] === 'api')
  const file = parts[parts.length - 1]
  const stem = file.replace(/\.(tsx?|jsx?|mjs|cjs)$/, '')
  if (stem === file) return []
  if (pagesAt !== -1) {
    const segments = [...parts.slice(pagesAt + 1, -1), ...(stem === 'index' ? [] : [stem])]
    const fn = module.exports.find((e) => e.name === 'default')
    if (!fn) return []
    return [
      {
        method: 'ANY',
        path: `/${segments.join('/')}`,
        module: module.path,
        loc: fn.loc,
        via: 'next pages/api',
        handler: 'default'
      }
    ]
  }
  const appAt = parts.lastIndexOf('app')
  if (appAt === -1 || stem !== 'route') return []
  const segments = parts.slice(appAt + 1, -1).filter((s) => !(s.startsWith('(') && s.endsWith(')')))
  return module.exports
    .filter((e) => NEXT_METHODS.has(e.name))
    .map((e) => ({
      method: e.name,
      path: `/${segments.join('/')}`,
      module: module.path,
      loc: e.loc,
      via: 'next app route',
      handler: e.name
    }))
}

export function routesOf(module: ModuleModel): Route[] {
  const isJs = module.language !== 'python'
  return [...callRoutes(module), ...(isJs ? nextRoutes(module) : djangoRoutes(module))]
}

/** The literal part of a route's path, up to its first parameter, for finding it in test strings. */
export function literalPrefix(path: string): string {
  const cut = path.search(/[:<{[(*]/)
  const prefix = cut === -1 ? path : path.slice(0, cut)
  return prefix.length > 1 ? prefix.replace(/\/$/, '') : prefix
}
