// Open redirect (CWE-601): a redirect whose target (`res.redirect(url)`, a Location header, Flask/Django
// `redirect(url)`, `RedirectResponse(url)`, aiohttp's `HTTPFound(url)`, tornado's `self.redirect(url)`)
// is built from request input, with no same-origin or allow-list check in the function. A value like
// `//evil.example` or `https://evil.example` sends the site's users to another site under its name.
import type { CallSite, ModuleModel } from '../../src/model/types.js'
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
  return /\blstrip\(\s*['"][/\\]+['"]\s*\)|\.replace\(\s*\/\^(\\\/|\[\\\/)/.test(text)
}

export function isRedirectLiteral(arg: string): boolean {
  return isPlainLiteral(arg.trim().replace(/^(?:location|url|redirect_to)\s*=\s*/, ''))
}
