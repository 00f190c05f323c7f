// Source-to-sink findings: each sink call (sinks.ts) whose dangerous argument is built or names an
// input (taint.ts), with the path from the source to the sink. A containment check in the same
// function suppresses path traversal; a host check suppresses SSRF.
import type { CallSite, ModuleModel } from '../../src/model/types.js'
import type { Confidence } from '../types.js'
import { confidenceFor, placeOf, severityFor, type CheckContext, type Draft } from './context.js'
import { CWE } from './messages.js'
import { classifySink, moduleSinks, type ModuleSinks, type SinkMatch } from './sinks.js'
import { strippedBeforeSink } from './path-sanitised.js'
import { allowListed } from './allow-list.js'
import { splitTopLevel } from '../shared/values.js'
import { withoutModuleNeutralCalls } from './escaping-helpers.js'
import {
  REDIRECT_CHECK,
  redirectNeutralised,
  requestUrlSource,
  selfOriginTarget
} from './redirect.js'
import { inputText, originOf, pathText, valueAt, type ModuleTaint, type Origin } from './taint.js'
import {
  buildKind,
  codeOnly,
  hasDynamicPart,
  shortArg,
  withoutCodeQuoting,
  withoutNeutralCalls
} from './text.js'

const CONTAINMENT =
  /\b(startsWith|startswith|relative|commonpath|is_relative_to|realpath|resolve_path|safe_join|secure_filename)\b/
// A check that the value holds no separator (`if "/" in name: raise`, `name.includes('/')`, `os.sep in
// name`): a single component cannot leave the folder it is joined onto (a `..` check alone can: an
// absolute name replaces the root in a join).
const SEPARATOR_CHECK =
  /(["'])\/\1\s+(?:not\s+)?in\b|\bos\.sep\s+(?:not\s+)?in\b|\.(?:includes|indexOf|contains)\(\s*(["'])\/\2\s*\)/
const NEUTRALISED_PATH = /\b(basename|secure_filename|safe_join)\s*\(/
const JOINED = /\b(join|resolve)\s*\(/
const HOST_CHECK =
  /\b(hostname|host|origin|netloc|allow(ed)?[_A-Za-z]*|whitelist|allowlist|ALLOWED[_A-Z]*)\b/

const RATIONALE: Record<string, string> = {
  codeInjection: 'Evaluating text as code hands whoever controls the text the program itself.',
  commandInjection:
    'A shell parses the whole string, so separators and substitutions in the input start new commands.',
  sqlInjection:
    'Quotes in a value change the structure of a query built as text; placeholders keep data out of the SQL.',
  pathTraversal:
    'A path segment from input can hold `..` or be absolute; only a check on the final path keeps access inside the intended folder.',
  ssrf: "A server that fetches any URL it is given reaches internal services and cloud metadata endpoints on the caller's behalf.",
  xss: 'HTML built from input is parsed by the browser, so tags and event handlers in the input run as script.',
  openRedirect:
    'A redirect target that starts with `//` or a scheme leaves the site; only a same-origin or allow-list check keeps it on it.',
  unsafeDeserialisation:
    'Deserialisers that rebuild arbitrary objects run code chosen by whoever wrote the data.'
}

/**
 * Whether a condition or call belongs to the same function as the sink: the same enclosing function, or,
 * for a sink in an anonymous callback (a route handler), the innermost multi-line call around the sink.
 */
function sameFunction(
  module: ModuleModel,
  sink: CallSite
): (item: { enclosing?: string; loc: CallSite['loc'] }) => boolean {
  if (sink.enclosing) return (item) => item.enclosing === sink.enclosing
  let region: CallSite['loc'] | undefined
  for (const c of module.calls) {
    if (
      c.enclosing ||
      c.loc.startLine === c.loc.endLine ||
      c.loc.startLine > sink.loc.startLine ||
      c.loc.endLine < sink.loc.endLine
    )
      continue
    if (!region || c.loc.endLine - c.loc.startLine < region.endLine - region.startLine)
      region = c.loc
  }
  if (!region) return () => false
  const { startLine, endLine } = region
  return (item) =>
    item.enclosing === undefined && item.loc.startLine >= startLine && item.loc.endLine <= endLine
}

function containmentIn(module: ModuleModel, sink: CallSite): boolean {
  const here = sameFunction(module, sink)
  return (
    module.conditions.some(
      (c) => here(c) && (CONTAINMENT.test(c.text) || SEPARATOR_CHECK.test(c.text))
    ) || module.calls.some((c) => here(c) && CONTAINMENT.test(c.name))
  )
}

function hostCheckIn(module: ModuleModel, sink: CallSite): boolean {
  const here = sameFunction(module, sink)
  return module.conditions.some((c) => here(c) && HOST_CHECK.test(c.text))
}

function suppressed(
  module: ModuleModel,
  taint: ModuleTaint,
  call: CallSite,
  match: SinkMatch,
  arg: string
): boolean {
  if (match.messageId === 'pathTraversal')
    return (
      NEUTRALISED_PATH.test(codeOnly(arg)) ||
      containmentIn(module, call) ||
      strippedBeforeSink(module, call, codeOnly(arg))
    )
  if (match.messageId === 'ssrf') return hostCheckIn(module, call)
  if (match.messageId === 'openRedirect')
    return redirectChecked(module, call, arg) || selfOriginTarget(module, taint, call, arg)
  if (
    match.messageId === 'xss' ||
    match.messageId === 'commandInjection' ||
    match.messageId === 'sqlInjection'
  ) {
    // An argument that escapes or quotes what it builds: escapeHtml(x), shellQuote(x), shlex.quote(x), sqlstring.escape(x).
    return /\b(escape\w*|sanitize\w*|quote|shlex\.quote|DOMPurify|(?:he|entities|htmlEntities)\.encode\w*|encodeHTML\w*)\s*[.(]/i.test(
      codeOnly(arg)
    )
  }
  return false
}

/** The redirect stays on the site: a neutral target, or a same-origin / allow-list check in the function. */
function redirectChecked(module: ModuleModel, call: CallSite, arg: string): boolean {
  if (redirectNeutralised(arg) || redirectNeutralised(call.args[0] ?? '')) return true
  const here = sameFunction(module, call)
  return (
    module.conditions.some((c) => here(c) && REDIRECT_CHECK.test(c.text)) ||
    module.calls.some((c) => here(c) && c !== call && REDIRECT_CHECK.test(c.name))
  )
}

/**
 * The request's own URL or path in a redirect target, written there or in a local the target names
 * (`location = request.path + '/'`): not a source for other sinks, but `//evil.example/` as a path keeps
 * its double slash in the Location header and the browser reads it as another host.
 */
/**
 * An input that reaches the redirect, for the message. A target built from the request's own path repeats
 * that path, so the input is a request path, not a URL: `https://evil.example` cannot be one, and the
 * handler answers only the paths it serves (live-server's trailing-slash redirect runs for an existing
 * folder: `GET //evil.example/..%2f` is answered with `Location: //evil.example/..%2f/`, while the
 * examples `//evil.example` and `https://evil.example` the message gave reach nothing, judged partly true
 * in session 15).
 */
export function redirectExample(origin: Origin | undefined, arg: string): string {
  // The request URL's path, not a value read out of its query (`url.parse(req.url, true).query.next`).
  const fromPath =
    !!requestUrlSource(arg) ||
    (origin?.kind === 'request' &&
      !!requestUrlSource(origin.steps[0]) &&
      !/\bquery\b|searchParams|\.params\b|\.body\b|\.get\(/.test(origin.steps.slice(1).join(' ')))
  if (!fromPath) return 'a value like `//evil.example` or `https://evil.example` in that input'
  const slash = /\+\s*['"`]\/['"`]\s*$/.test(arg.trim())
  return slash
    ? 'a request for a path such as `//evil.example/..%2f`, which still resolves to a folder the handler redirects for, is answered with a Location that starts `//evil.example/` and'
    : 'a request for a path that starts `//evil.example/` and that this handler answers is sent to a Location that starts `//evil.example/`, which'
}

/** What a page reads about itself in the browser: its URL, cookies, referrer, window name. */
const BROWSER_SOURCE = /^(?:window\.)?(?:location|document|window\.name)\b/

function requestUrlOrigin(taint: ModuleTaint, call: CallSite, arg: string): Origin | undefined {
  const direct = requestUrlSource(arg)
  if (direct) return { kind: 'request', label: direct, steps: [direct] }
  for (const name of new Set(codeOnly(arg).match(/(?<![.\w$])[A-Za-z_$][\w$]*/g) ?? [])) {
    const value = valueAt(taint, call.enclosing, name, call.loc)
    const found = value === undefined ? undefined : requestUrlSource(value)
    if (found)
      return {
        kind: 'request',
        label: found,
        steps: [found, `${name} = ${shortArg(value ?? '')}`],
        viaLocal: true
      }
  }
  return undefined
}

/** Parameters whose name says their value is SQL: a clause the caller writes, not a value it passes. */
const SQL_FRAGMENT_PARAMETER =
  /^(where|where_?clause|whereClause|sql|order_?by|orderBy|group_?by|groupBy|having|select)$/

export function flowFindings(context: CheckContext): Draft[] {
  const out: Draft[] = []
  for (const module of context.modules) {
    const taint = context.taint.get(module.path)
    if (!taint) continue
    const sinks = moduleSinks(module)
    for (const call of module.calls) {
      const local = classifySink(sinks, call) ? undefined : throughLocal(taint, sinks, call)
      const match = local?.match ?? classifySink(sinks, call)
      if (!match) continue
      const written = call.args[match.arg] ?? ''
      // A sink that needs a built string and gets a local: what the local holds is what the sink receives.
      const arg = local?.value ?? written
      // Code built from values quoted as literals (`JSON.stringify(x)`) does not run them.
      const code = match.messageId === 'codeInjection'
      const neutral = code
        ? withoutCodeQuoting
        : (text: string) => withoutModuleNeutralCalls(module, text)
      let origin: Origin | undefined =
        originOf(taint, call.enclosing, neutral(written), call.loc) ??
        (local ? originOf(taint, call.enclosing, neutral(arg), call.loc) : undefined) ??
        anyArgumentOrigin(taint, call, match) ??
        (match.messageId === 'openRedirect' ? requestUrlOrigin(taint, call, arg) : undefined)
      let shown = arg
      let parameterList = false
      // `new Function(params, body)`: a template compiler's body is the template, quoted or code by
      // contract, but its parameter list must be names (`settings.variable`, underscore's and lodash's
      // CVE-2021-23358 / CVE-2021-23337): input there is code.
      if (code && /Function$/.test(match.sink) && (!origin || origin.quoted)) {
        const named = parameterListOrigin(taint, call)
        if (named) [origin, shown, parameterList] = [named.origin, named.arg, true]
      }
      if (code && origin?.quoted) continue
      if (code && origin && validatedByPattern(module, call, shown, origin)) continue
      if (
        match.needsTaint &&
        (!origin || (origin.kind === 'env' && match.messageId !== 'commandInjection'))
      )
        continue
      if (suppressed(module, taint, call, match, arg)) continue
      if (origin && onlyReceiver(taint, call, match, origin, neutral(written))) continue
      // Checked against a fixed set on its way (`if action not in ACTIONS: return`): the program's own value.
      if (origin && allowListed(module, context.quoter, call, origin, sameFunction(module, call)))
        continue
      if (match.messageId === 'openRedirect' && fixedStartTarget(context, module, call, arg))
        continue
      if (
        match.messageId === 'openRedirect' &&
        origin &&
        inputOnlyInQuery(taint, call, arg, origin)
      )
        continue
      if (!origin && !hasDynamicPart(arg)) continue
      // A library function that fetches or opens what its caller names is doing its job: for a parameter
      // input, SSRF needs a request source and path traversal a path joined onto a root.
      if (origin?.kind === 'parameter' && match.messageId === 'ssrf') continue
      // A library parameter named for SQL (`where`, `order_by`, `sql`) is SQL its caller writes by contract,
      // with the values passed apart (sqlite-utils's `rows_where(where, where_args)`, judged false in round 11).
      if (
        origin?.kind === 'parameter' &&
        match.messageId === 'sqlInjection' &&
        origin.entry &&
        SQL_FRAGMENT_PARAMETER.test(origin.entry.param)
      )
        continue
      // A page that fetches from its own location asks the browser, on its user's behalf, for what the user
      // could open anyway: no server makes the request (datasette's autocomplete `fetch(new URL(src,
      // location.href))`, found before the packet in session 16).
      if (match.messageId === 'ssrf' && origin && BROWSER_SOURCE.test(origin.steps[0] ?? ''))
        continue
      if (
        origin?.kind === 'parameter' &&
        match.messageId === 'pathTraversal' &&
        !JOINED.test(codeOnly(arg)) &&
        !buildKind(arg) &&
        !joinedLocal(origin)
      )
        continue
      // A parameter that only picks the folder (`join(dest, name)`) is where the caller asked to work, not a way out of it.
      if (
        origin?.kind === 'parameter' &&
        match.messageId === 'pathTraversal' &&
        (origin.rootOnly ||
          rootOnlyArg(taint, call, arg) ||
          leadsOnly(taint, call, arg) ||
          namesAFile(origin))
      )
        continue
      const fn = placeOf(module, call.enclosing, call.loc.startLine)
      const viaCalls = (origin?.steps.length ?? 0) > 2 || !!origin?.built || !!origin?.viaLocal
      const draft: Draft = {
        messageId: match.messageId,
        data: {
          sink: match.sink,
          function: fn,
          input: inputText(origin, 'values not traced to an input'),
          arg: shortArg(shown),
          path: pathText(origin, match.sink),
          build: match.data.build ?? '',
          how: match.data.how ?? '',
          language: match.data.language ?? '',
          why: match.data.why ?? '',
          example: match.messageId === 'openRedirect' ? redirectExample(origin, arg) : '',
          lookedFor:
            match.messageId === 'openRedirect'
              ? 'host/origin/netloc comparison, allow-list, is_safe_url'
              : 'startsWith/path.relative/commonpath/realpath'
        },
        severity: severityFor(match.worst, origin),
        // A parameter list is names by contract, so input there is never the function's job passed through.
        confidence:
          parameterList && origin
            ? confidenceFor(origin, viaCalls)
            : confidenceOf(match, origin, arg, viaCalls, module),
        rationale:
          `${RATIONALE[match.messageId] ?? ''} ${origin ? `Input traced by argument text: ${origin.steps.join(' → ')} → ${match.sink}.${!parameterList && passedThrough(origin, arg, module) ? ' The public parameter reaches the sink unchanged: running, opening or reviving what the caller gives is what the function is for, so whether this is a vulnerability depends on its callers (low confidence).' : ''}` : 'No input was traced to it (locals are followed through their assignments in the same function only), so the severity and the confidence are lowered.'}`.trim(),
        evidence: context.quoter.evidence(module.path, call.loc),
        key: `${fn}#${match.sink}#${codeOnly(written).replace(/\s+/g, '').slice(0, 80)}`,
        symbol: call.enclosing,
        cwe: CWE[match.messageId],
        tags: origin ? [`source:${origin.kind}`] : ['source:none']
      }
      out.push(draft)
      if (origin?.entry) context.hostile.push({ draft, module, entry: origin.entry })
    }
  }
  return out
}

/**
 * A redirect target whose start the function set to a literal path just before (`req.url = '/';
 * res.setHeader('Location', req.url + '#' + route)`, live-server's single-page fallback): the input only
 * follows, in the fragment or query, and cannot name another host.
 */
function fixedStartTarget(
  context: CheckContext,
  module: ModuleModel,
  call: CallSite,
  arg: string
): boolean {
  // Read as written: the `'#'` literal decides, and codeOnly blanks literals.
  const found = /^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+)\s*\+\s*(['"])[#?]/.exec(arg)
  if (!found) return false
  const property = found[1].replace(/\./g, '\\.')
  const set = new RegExp(`^\\s*${property}\\s*=\\s*(['"])\\/(?!\\/)[^'"]*\\1\\s*;?\\s*$`)
  for (let n = call.loc.startLine - 1; n >= Math.max(1, call.loc.startLine - 5); n--) {
    const line = context.quoter.line(module.path, n)
    if (set.test(line)) return true
    if (new RegExp(`\\b${property}\\b`).test(line)) return false
  }
  return false
}

/**
 * The redirect's target is built by a call whose first argument, the place, carries no input, and the input
 * is only a keyword argument (`make_login_url(login_view, next_url=request.url)`): the builder puts it in
 * the query string, so it cannot move the origin (flask-login, judged false in round 11: the Location was
 * `/login?next=%2Fevil.example%2Fx`).
 */
function inputOnlyInQuery(
  taint: ModuleTaint,
  call: CallSite,
  arg: string,
  origin: Origin
): boolean {
  const written = arg.trim()
  const value = /^[A-Za-z_$][\w$]*$/.test(written)
    ? (valueAt(taint, call.enclosing, written, call.loc) ?? written)
    : written
  const built = /^[A-Za-z_$][\w$.]*\s*\(([\s\S]*)\)$/.exec(value.trim())
  if (!built) return false
  const [place, ...rest] = splitTopLevel(built[1], ',')
  const source = origin.steps[0] ?? origin.label
  if (!place || !source || place.includes(source) || /^[A-Za-z_]\w*\s*=[^=]/.test(place))
    return false
  const carrying = rest.filter((a) => a.includes(source))
  return carrying.length > 0 && carrying.every((a) => /^[A-Za-z_]\w*\s*=[^=]/.test(a))
}

/**
 * A call that is a sink only once its first argument, a plain local, is read as the string the local holds
 * (`const sql = 'SELECT … WHERE id = ' + id; db.query(sql)`): the match and that string.
 */
function throughLocal(
  taint: ModuleTaint,
  sinks: ModuleSinks,
  call: CallSite
): { match: SinkMatch; value: string } | undefined {
  const first = call.args[0]?.trim()
  if (!first || !/^[A-Za-z_$][\w$]*$/.test(first)) return undefined
  const value = valueAt(taint, call.enclosing, first, call.loc)
  if (value === undefined) return undefined
  const match = classifySink(sinks, { ...call, args: [value, ...call.args.slice(1)] })
  return match && match.arg === 0 ? { match, value } : undefined
}

/** A parameter that reaches the sink as it is, not built into a larger command, query, path or HTML. */
function passedThrough(origin: Origin, arg: string, module: ModuleModel): boolean {
  return (
    origin.kind === 'parameter' &&
    !origin.built &&
    !buildKind(arg) &&
    !builtByModuleFunction(module, arg)
  )
}

/**
 * The sink gets what a function of the module returns (`eval(createWrapper(fn.name, options))`, thenify's
 * CVE-2020-7677): the library builds that code or command from its caller's values, so the caller did not
 * hand it over as code; it is not a wrapper passing its parameter through.
 */
function builtByModuleFunction(module: ModuleModel, arg: string): boolean {
  const called = /^\s*(?:await\s+)?([A-Za-z_$][\w$]*)\s*\(/.exec(codeOnly(arg))
  return (
    called !== null &&
    module.functions.some(
      (f) => f.name === called[1] && !f.className && !f.qualifiedName.includes('.')
    )
  )
}

/** The argument joins a path whose only tainted part is the first (`os.path.join(dest, 'x')`). */
function rootOnlyArg(taint: ModuleTaint, call: CallSite, arg: string): boolean {
  const found = /\b(?:join|resolve)\(\s*([^,()]+?)\s*,([^()]*)\)/.exec(codeOnly(arg))
  if (!found) return false
  const inRest = originOf(
    taint,
    call.enclosing,
    arg.slice(found.index + found[0].length - found[2].length - 1),
    call.loc
  )
  return !!originOf(taint, call.enclosing, found[1], call.loc) && !inRest
}

/**
 * The caller's value is the head of the path and only a fixed ending follows (`filename + '.tmp'`,
 * `` `${path}.hbs` ``, `f"{name}.bak"`): the caller names the whole file, which is the function's job
 * (webpy's safewrite, judged false in session 12), not a segment that could climb out of a root.
 */
function leadsOnly(taint: ModuleTaint, call: CallSite, arg: string): boolean {
  const code = codeOnly(arg).trim()
  const template = /^(?:f?(['"`]))?(?:\$\{|\{)\s*([A-Za-z_$][\w$.]*)\s*\}/.exec(code)
  const concatenated = /^([A-Za-z_$][\w$.]*)\s*\+/.exec(code)
  const head = template?.[2] ?? concatenated?.[1]
  if (!head || !originOf(taint, call.enclosing, head, call.loc)) return false
  const start = arg.indexOf(head) + head.length
  return !originOf(taint, call.enclosing, arg.slice(start), call.loc)
}

/**
 * A public parameter whose name says it is a path (`resource`, `filename`, `config_path`, `templateFile`):
 * the caller names a file under the root, so opening it is the function's contract, like open() (flask's
 * `open_resource(resource)` and `Config.from_pyfile(filename)` joined onto the app's root, judged false in
 * round 6: the developer picks the name). A parameter naming something else reaching a path (a locale
 * `name` in Babel's CVE-2021-42771, an `id`, a `key`) is a value nobody expects to climb out: still reported.
 */
const PATH_PARAMETER =
  /^(?:path|paths|pathname|file|files|filename|filenames|fname|filepath|resource|resources|dir|dirname|directory|folder|template)$|(?:_path|_file|_filename|_dir|Path|File|Filename|FileName|Dir)$/

function namesAFile(origin: Origin): boolean {
  return origin.entry !== undefined && PATH_PARAMETER.test(origin.entry.param)
}

/** The tainted value came through a local bound to `path.join(...)` / `os.path.join(...)` / `resolve(...)`. */
function joinedLocal(origin: Origin): boolean {
  return !!origin.built && origin.steps.some((s) => /= (join|resolve)\(/.test(s))
}

/**
 * How sure the finding is: from how the input arrives (confidenceFor: a request, argv or stdin value in the
 * same function is high; through calls, a local, or a parameter medium). Lowered to low for a public
 * parameter passed through unchanged (a wrapper whose job is the sink: `run(command)`, `load(f)`), for a path
 * named on the command line (the tool's user could open the file anyway), and for
 * a sink no input was traced to (in libraries these are template compilers, debuggers and caches), except
 * unsafe YAML loaders and node-serialize, which are misuses whatever they read.
 */
function confidenceOf(
  match: SinkMatch,
  origin: Origin | undefined,
  arg: string,
  viaCalls: boolean,
  module: ModuleModel
): Confidence {
  // An unsafe YAML loader or node-serialize is a misuse whatever it reads; pickle of the program's own files is not.
  if (!origin)
    return match.messageId === 'unsafeDeserialisation' &&
      !/pickle|marshal|shelve|dill/i.test(match.sink)
      ? 'medium'
      : 'low'
  // A wrapper whose whole job is the sink (`run(command)` → exec, `load(file)` → pickle) hands its caller's
  // value on unchanged: that is the function's contract, not a flaw. A value it builds (joins, formats,
  // concatenates) from its parameters is the library's own doing and keeps its confidence: for a library the
  // exported API's parameters are the attacker's input.
  if (passedThrough(origin, arg, module)) return 'low'
  // So is a command-line tool opening the files its user names: the user could open them anyway.
  if (origin.kind === 'argv' && match.messageId === 'pathTraversal') return 'low'
  return confidenceFor(origin, viaCalls)
}

/** The first argument before the body of `new Function(a, b, body)` that carries unquoted input. */
function parameterListOrigin(
  taint: ModuleTaint,
  call: CallSite
): { origin: Origin; arg: string } | undefined {
  for (const arg of call.args.slice(0, -1)) {
    const origin = originOf(taint, call.enclosing, withoutCodeQuoting(arg), call.loc)
    if (origin && origin.kind !== 'env' && !origin.quoted) return { origin, arg }
  }
  return undefined
}

/**
 * The value is matched against a pattern in the function before it becomes code
 * (`if (!bareIdentifier.test(argument)) throw`, `if (reForbiddenChars.test(variable)) throw`, Python
 * `if not name.isidentifier(): raise`): the names the argument or the locals on its path mention, tested.
 */
function validatedByPattern(
  module: ModuleModel,
  call: CallSite,
  arg: string,
  origin: Origin
): boolean {
  const subjects = new Set<string>()
  const code = codeOnly(arg)
  for (const m of code.matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/g))
    subjects.add(m[0])
  for (const step of origin.steps) {
    const bound = /^([A-Za-z_$][\w$]*) \+?= /.exec(step)
    if (bound) subjects.add(bound[1])
  }
  if (subjects.size === 0) return false
  const here = sameFunction(module, call)
  const names = [...subjects].map((n) => n.replace(/[$.]/g, (c) => `\\${c}`)).join('|')
  const tested = new RegExp(
    `\\.(?:test|match|fullmatch)\\(\\s*(?:[rR]?['"][^'"]*['"]\\s*,\\s*)?(?:${names})\\s*\\)|(?<![\\w$.])(?:${names})\\.isidentifier\\(`
  )
  return module.conditions.some(
    (c) => here(c) && c.loc.startLine <= call.loc.startLine && tested.test(c.text)
  )
}

/** Some sinks carry the payload in another argument too (spawn's argument list with shell: true). */
function anyArgumentOrigin(
  taint: ReturnType<CheckContext['taint']['get']> & object,
  call: CallSite,
  match: SinkMatch
): Origin | undefined {
  if (match.messageId !== 'commandInjection') return undefined
  for (const a of call.args) {
    const o = originOf(taint, call.enclosing, a, call.loc)
    if (o) return o
  }
  return undefined
}

/** Methods whose result is still (part of) the receiver's text, so a receiver's taint passes through them. */
const TEXT_METHOD =
  /^(?:format|replace|replaceAll|trim\w*|strip|lstrip|rstrip|lower|upper|toLowerCase|toUpperCase|toString|decode|encode|concat|slice|substring|substr|split|join|get|getlist|match|exec|at|charAt|padStart|padEnd|repeat|normalize|title|capitalize|casefold|partition|rpartition|rsplit|splitlines|removeprefix|removesuffix|center|ljust|rjust|zfill|expandtabs|translate|valueOf)$/

/**
 * A public parameter that appears in the HTML or SQL only as the receiver of a method call
 * (`datasette.urls.row_blob(db, table, pk)`): the parameter is the application object handed around
 * inside the program, and what its method returns is that object's own work, not the caller's text
 * (datasette's `display_columns_and_rows(datasette, ...)`, judged false in session 16). A text method
 * (`name.replace(...)`, `q.strip()`) still carries the text. With those receivers taken out, whether any
 * input is left in the argument.
 */
function onlyReceiver(
  taint: ModuleTaint,
  call: CallSite,
  match: SinkMatch,
  origin: Origin,
  written: string
): boolean {
  if (match.messageId !== 'xss' && match.messageId !== 'sqlInjection') return false
  if (origin.kind !== 'parameter' || !origin.entry) return false
  const params = taint.params.get(call.enclosing ?? '')
  if (!params) return false
  const text = TEXT_METHOD.source.slice(1, -1)
  const names = [...params.keys()].map((n) => n.replace(/\$/g, '\\$')).join('|')
  const receiverCall = new RegExp(
    `(?<![\\w$.])(?:${names})(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)*\\s*\\.\\s*(?!${text}\\s*\\()[A-Za-z_$][\\w$]*\\s*\\(`,
    'g'
  )
  const code = withoutNeutralCalls(codeOnly(written), receiverCall)
  const changed = code !== codeOnly(written)
  return changed && !originOf(taint, call.enclosing, code, call.loc)
}
