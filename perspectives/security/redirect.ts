// Open redirect (CWE-601): a redirect whose target (`res.redirect(url)`, a Location header, Flask/Django
// `redirect(url)`, `RedirectResponse(url)`, aiohttp's `HTTPFound(url)`, tornado's `self.redirect(url)`)
// is built from request input, with no same-origin or allow-list check in the function. A value like
// `//evil.example` or `https://evil.example` sends the site's users to another site under its name.
import type { CallSite, ModuleModel } from '../../src/model/types.js'
import type { ModuleTaint } from './taint.js'
import { codeOnly, isPlainLiteral } from './text.js'

/** The Python packages whose redirect helpers and exceptions send a Location header. */
const PY_WEB =
  /^(flask|quart|django|werkzeug|starlette|fastapi|aiohttp|tornado|pyramid|webob|bottle|sanic|falcon|litestar|jupyter_server|notebook)$/
const PY_REDIRECT_CALLS =
  /^(?:[\w.]*\.)?(redirect|HttpResponseRedirect|HttpResponsePermanentRedirect|RedirectResponse|HTTPFound|HTTPMovedPermanently|HTTPSeeOther|HTTPTemporaryRedirect|HTTPPermanentRedirect|HTTPMultipleChoices)$/
const JS_RESPONSE = /^(res|response|reply|ctx|h|this\.res|ctx\.response)$/

const webModules = new WeakMap<ModuleModel, boolean>()

/** The Python module imports a web framework, so `redirect(...)` there is the framework's. */
function pythonWeb(module: ModuleModel): boolean {
  let known = webModules.get(module)
  if (known === undefined) {
    known = module.imports.some((d) => PY_WEB.test(d.source.split('.')[0]))
    webModules.set(module, known)
  }
  return known
}

/** The index of the argument that carries the redirect target, when the call is a redirect. */
export function redirectTarget(module: ModuleModel, call: CallSite): number | undefined {
  const { callee, name, receiver, args } = call
  if (args.length === 0) return undefined
  if (module.language === 'python') {
    if (!pythonWeb(module)) return undefined
    const keyword = args.findIndex((a) => /^\s*(location|url|redirect_to)\s*=(?!=)/.test(a))
    const target = keyword >= 0 ? keyword : 0
    if (receiver === 'self' && name === 'redirect') return target
    if (
      receiver &&
      receiver !== 'web' &&
      !/^(flask|django\.shortcuts|shortcuts|quart|bottle|responses|starlette\.responses|fastapi\.responses|httpexceptions|exc|web)$/.test(
        receiver
      )
    )
      return undefined
    return PY_REDIRECT_CALLS.test(callee) ? target : undefined
  }
  if (!receiver || !JS_RESPONSE.test(receiver)) return undefined
  // res.redirect(url) or res.redirect(301, url): the target is the last argument.
  if (name === 'redirect') return args.length - 1
  if (name === 'location') return 0
  if (/^(setHeader|header|set|writeHead)$/.test(name) && args.length >= 2) {
    if (name === 'writeHead')
      return /(^|[{,\s])['"]?location['"]?\s*:/i.test(codeOnly(args[1]).replace(/\s+/g, ' ')) ||
        /['"]location['"]\s*:/i.test(args[1])
        ? 1
        : undefined
    return /^\s*['"`]location['"`]\s*$/i.test(args[0]) ? 1 : undefined
  }
  return undefined
}

/** The request's own URL or path: a trailing-slash or login redirect built from it keeps a `//host` prefix. */
const REQUEST_URL_SOURCES =
  /\b(?:req\.(?:path|url|originalUrl)|request\.(?:path|url|full_path|path_qs|rel_url|raw_path|uri|get_full_path\(\))|self\.request\.(?:path|uri|url|full_url\(\))|ctx\.(?:path|url|originalUrl))\b/

export function requestUrlSource(text: string): string | undefined {
  return REQUEST_URL_SOURCES.exec(codeOnly(text))?.[0]
}

/**
 * Checks that keep a redirect on the site: a host, origin or netloc comparison, an allow-list, a named
 * safety check (`is_safe_url`, `url_has_allowed_host_and_scheme`, `isLocalUrl`), or a test for `//` or a
 * backslash at the start. A test for a leading `/` alone is not one: `//evil.example` starts with `/`.
 */
export const REDIRECT_CHECK =
  /\b(host|hostname|origin|netloc|allow\w*|whitelist|allowlist|ALLOWED\w*|is_?safe\w*|isSafe\w*|url_has_allowed_host_and_scheme|same_?origin\w*|isSameOrigin\w*|is_?local\w*|isLocal\w*|isRelative\w*|is_relative\w*|trusted\w*|TRUSTED\w*)\b|['"`]\/\/|\\\\|\\\/\\\//

/**
 * The target cannot leave the site whatever the input: it starts with a literal path (`'/login?next=' +
 * x`, `` `/users/${id}` ``) or a literal absolute URL with its host and a `/` after it, or the input is
 * encoded whole (`encodeURIComponent(x)`), or leading slashes are stripped (`lstrip('/')`,
 * `replace(/^\/+/, …)`).
 */
export function redirectNeutralised(arg: string): boolean {
  const text = arg.trim().replace(/^(?:location|url|redirect_to)\s*=\s*/, '')
  if (/^[fFrRbB]?['"`](\/[^/\\'"`$]|https?:\/\/[^/'"`$]+\/)/.test(text)) return true
  if (/^(encodeURIComponent|quote_plus)\s*\(/.test(text)) return true
  if (ROUTE_URL.test(text)) return true
  return /\blstrip\(\s*['"][/\\]+['"]\s*\)|\.replace\(\s*\/\^(\\\/|\[\\\/)/.test(text)
}

/**
 * A URL the framework builds for one of the application's own routes (Flask's and Quart's `url_for`,
 * Starlette's `url_path_for`/`request.url_for`, Django's `reverse`): the arguments fill the route's path
 * and query, and `_external=True` takes the host the request came to, so the target stays on the site
 * whatever they hold (httpbin's `redirect(url_for("link_page", n=n, offset=0))`, found before the packet
 * in session 16).
 */
const ROUTE_URL =
  /^(?:(?:flask|quart|request|self\.request|app|router|urls|django\.urls)\.)?(?:url_for|url_path_for|reverse|reverse_lazy)\s*\(/

export function isRedirectLiteral(arg: string): boolean {
  return isPlainLiteral(arg.trim().replace(/^(?:location|url|redirect_to)\s*=\s*/, ''))
}

/**
 * An absolute URL made of the request's own scheme and host (Starlette's `URL(scope=scope)`, Python's
 * `request.url`, `request.base_url`, Django's `build_absolute_uri()`, Express's `req.protocol + '://' +
 * req.get('host')`): whatever path it carries, even `//evil.example`, the browser stays on the host it
 * asked for (starlette's trailing-slash redirects, judged false in session 13). A path alone
 * (`request.url.path`, `req.url` in Node) is not one: `//evil.example/` as a Location leaves the site.
 */
const PY_SELF_ABSOLUTE =
  /^(?:str\(\s*)?(?:URL\(\s*scope\s*=\s*\w+\s*\)|(?:self\.)?request\.(?:url|base_url|host_url|url_root)\b(?!\s*\.\s*(?:path|raw_path|path_qs|rel_url|query|fragment)\b)|[\w.]*\.build_absolute_uri\(\s*\)|self\.request\.full_url\(\s*\))/
const JS_SELF_ABSOLUTE =
  /^\s*(?:`\$\{\s*req\.protocol\s*\}:\/\/\$\{\s*req\.(?:get\(\s*['"]host['"]\s*\)|headers\.host|host)|req\.protocol\s*\+\s*['"]:\/\/['"]\s*\+\s*req\.(?:get\(\s*['"]host['"]\s*\)|headers\.host|host))/

function selfAbsolute(module: ModuleModel, text: string): boolean {
  // Python's forms have no literal in them; Express's need theirs (`'://'`, `'host'`) as written.
  return module.language === 'python'
    ? PY_SELF_ABSOLUTE.test(codeOnly(text).trim())
    : JS_SELF_ABSOLUTE.test(text.trim())
}

/** A name's binding in force at a line of a function: the last `=` before it, when no `+=` follows it. */
function bindingBefore(
  taint: ModuleTaint,
  enclosing: string | undefined,
  name: string,
  line: number
): { value: string; line: number } | undefined {
  const list = taint.bindings.get(enclosing ?? '')?.get(name)
  if (!list) return undefined
  for (let i = list.length - 1; i >= 0; i--) {
    const b = list[i]
    if (b.loc.endLine >= line) continue
    return b.operator === '=' ? { value: b.value, line: b.loc.startLine } : undefined
  }
  return undefined
}

/**
 * The redirect target is the request's own absolute URL, written in the argument or held by the local it
 * names, followed back through rebindings of that local from itself (`url = url.replace(path=url.path +
 * "/")`, `str(redirect_url)`).
 */
export function selfOriginTarget(
  module: ModuleModel,
  taint: ModuleTaint,
  call: CallSite,
  arg: string
): boolean {
  const text = arg.trim().replace(/^(?:location|url|redirect_to)\s*=\s*/, '')
  if (selfAbsolute(module, text)) return true
  // Only a target that is one local, maybe through str()/String(): anything concatenated may change the host.
  const single = /^(?:str|String)?\(?\s*([A-Za-z_$][\w$]*)\s*\)?$/.exec(codeOnly(text).trim())
  if (!single) return false
  let name = single[1]
  let line = call.loc.startLine
  for (let hops = 0; hops < 5; hops++) {
    const bound = bindingBefore(taint, call.enclosing, name, line)
    if (!bound) return false
    if (selfAbsolute(module, bound.value)) return true
    // `url = url.replace(...)`, `url = str(url) + "/"` are no longer the same origin unless the
    // head is the same local, called or converted: then the earlier binding decides.
    const head =
      /^(?:str|String)?\(?\s*([A-Za-z_$][\w$]*)\s*(?:\)|\.(?:replace|include_query_params|replace_query_params|remove_query_params)\s*\()/.exec(
        codeOnly(bound.value).trim()
      )
    if (!head) return false
    name = head[1]
    line = bound.line
  }
  return false
}
