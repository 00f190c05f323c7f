// Where taint starts: source expressions (req.body, process.argv, request.args, sys.argv, input()...) and
// the parameters of exported functions and route handlers; and how an origin reads in a message.
import type { FunctionDecl, ModuleModel } from '../../src/model/types.js'
import { codeOnly } from './text.js'

export type OriginKind = 'request' | 'argv' | 'stdin' | 'env' | 'parameter' | 'archive'

export interface Origin {
  kind: OriginKind
  /** What the input is: `req.query.file`, `sys.argv`, `parameter name of exported load`. */
  label: string
  /** The source expression or parameter first, then each call it flows through: `handler(name)`, `load(path)`. */
  steps: string[]
  /** The function whose parameter is the entry (for hostile-input specs), when the source is a parameter. */
  entry?: { function: FunctionDecl; param: string; index: number }
  /** The value went through a call whose result was bound to a local (`p = path.join(root, name)`): it is built, not passed through. */
  built?: boolean
  /** The input is only the first part of a joined path (`join(dest, name)`): it picks the folder, not a name inside it. */
  rootOnly?: boolean
  /** The value went through a local binding (`const cmd = 'ls ' + dir`): a step the confidence counts like a call. */
  viaLocal?: boolean
  /** The input reached the value only quoted as a code literal (`JSON.stringify(format)`): inert in eval/Function. */
  quoted?: boolean
}

const NAME = /(?<![.\w$])[A-Za-z_$][\w$]*/g

/** The names an argument's code mentions as variables (not after a dot, not inside a literal), in order. */
export function namesIn(code: string): string[] {
  return [...new Set(code.match(NAME) ?? [])]
}

const JS_SOURCES: [RegExp, OriginKind][] = [
  [
    /\b(?:req|request|ctx\.request|ctx)\.(?:body|query|params|headers|cookies|files|originalUrl|url)(?:\.[A-Za-z_$][\w$]*|\[[^\]]{1,40}\])?/,
    'request'
  ],
  [
    /\b(?:location\.(?:search|hash|href)|document\.(?:URL|cookie|referrer)|window\.name)\b/,
    'request'
  ],
  [/\bprocess\.argv(?:\[\d+\])?/, 'argv'],
  [/\bprocess\.env(?:\.[A-Za-z_$][\w$]*)?/, 'env']
]

const PY_SOURCES: [RegExp, OriginKind][] = [
  [
    /\brequest\.(?:args|form|json|values|data|files|cookies|headers|GET|POST|body|query_params|path_params|get_json\(\))(?:\.get\([^)]{0,40}\)|\[[^\]]{1,40}\])?/,
    'request'
  ],
  [/\bsys\.argv(?:\[\d+\])?/, 'argv'],
  [/\binput\s*\([^)]{0,60}\)/, 'stdin'],
  [/\bos\.(?:environ(?:\.get\([^)]{0,40}\)|\[[^\]]{1,40}\])?|getenv\([^)]{0,40}\))/, 'env']
]

/**
 * Entry names read from an archive (zip slip): whoever made the archive chose them, `../` and absolute
 * paths included. Read only in modules that import an archive reader, so `file.name` elsewhere is not one.
 */
const JS_ARCHIVE_SOURCES: [RegExp, OriginKind][] = [
  [
    /\b(?:entry|header|x|file|zipEntry|zipentry|member|ent|item|f)\.(?:path|fileName|entryName|filename|name|linkname|linkpath)\b/,
    'archive'
  ]
]
const PY_ARCHIVE_SOURCES: [RegExp, OriginKind][] = [
  [
    /\b(?:member|m|info|zinfo|zipinfo|tarinfo|ti|zi|entry|item)\.(?:name|filename|path|linkname)\b/,
    'archive'
  ]
]
const JS_ARCHIVE_PACKAGES =
  /^(tar|tar-stream|tar-fs|yauzl|yauzl-promise|unzipper|unzip|unzip-stream|adm-zip|jszip|node-stream-zip|extract-zip|decompress(-\w+)?|zip-lib|7zip-min|node-7z|cpio-stream|ar-async)$/
const PY_ARCHIVE_PACKAGES = /^(zipfile|tarfile|py7zr|rarfile|libarchive)$/

const archiveReaders = new WeakMap<ModuleModel, boolean>()

/** The module imports an archive reader, so its entries' names are input. */
function readsArchives(module: ModuleModel): boolean {
  let known = archiveReaders.get(module)
  if (known === undefined) {
    const packages = isPython(module) ? PY_ARCHIVE_PACKAGES : JS_ARCHIVE_PACKAGES
    known = module.imports.some((d) => packages.test(d.source.split('.')[0]))
    archiveReaders.set(module, known)
  }
  return known
}

/** Parameters that never carry attacker text: the receiver, responses, callbacks. */
export const NOT_INPUT = new Set([
  'self',
  'cls',
  'res',
  'response',
  'next',
  'cb',
  'callback',
  'done',
  'req',
  'request',
  'ctx',
  'reply',
  'h'
])
/** Declared types that cannot hold a payload. */
export const SAFE_TYPE = /^(number|boolean|bigint|int|float|bool|void|undefined|null|None)$/

const HANDLER_DECORATOR =
  /\.(route|get|post|put|patch|delete|api_route|websocket)\s*\(|^(api_view|app\.|router\.|bp\.|blueprint\.)/

export function isPython(module: ModuleModel): boolean {
  return module.language === 'python'
}

/** A source expression named in the argument's code, or undefined. */
export function directSource(
  module: ModuleModel,
  arg: string,
  code = codeOnly(arg)
): Origin | undefined {
  const python = isPython(module)
  const sources = readsArchives(module)
    ? [...(python ? PY_SOURCES : JS_SOURCES), ...(python ? PY_ARCHIVE_SOURCES : JS_ARCHIVE_SOURCES)]
    : python
      ? PY_SOURCES
      : JS_SOURCES
  for (const [pattern, kind] of sources) {
    const found = pattern.exec(code)
    if (found) {
      // codeOnly keeps every character's position, so the same slice of the argument shows the literal keys.
      const text = arg.slice(found.index, found.index + found[0].length).replace(/\s+/g, '')
      const label = kind === 'archive' ? `archive entry name ${text}` : text
      return { kind, label, steps: [text] }
    }
  }
  return undefined
}

/**
 * A framework calls a signal or event receiver with its own objects (a saved model row, a mapper), not with
 * a caller's text: `@receiver(post_delete, sender=Bookmark)`, `@event.listens_for(...)`, `@signal.connect`
 * (linkding's file-deleting receivers, judged false as path traversal in session 15).
 */
const RECEIVER_DECORATOR = /^(?:receiver|[\w.]*listens_for|[\w.]+\.connect(?:_via)?)\s*(?:\(|$)/

export function isReceiver(fn: FunctionDecl): boolean {
  return (fn.decorators ?? []).some((d) => RECEIVER_DECORATOR.test(d.trim().replace(/^@/, '')))
}

export function isHandler(fn: FunctionDecl): boolean {
  return (fn.decorators ?? []).some((d) => HANDLER_DECORATOR.test(d))
}

/**
 * A JavaScript function the model does not see exported and that nothing in its own module calls, names or
 * passes on: in shipped code it is reached from outside through an assignment the model does not follow
 * (`Mime.prototype.lookup = function (path)`, `win32.parse = function (p)`, `module.exports = new Mime()`).
 * For a library, its parameters are its caller's input like an exported function's.
 */
function publicByAssignment(module: ModuleModel, fn: FunctionDecl, used: Set<string>): boolean {
  if (isPython(module) || fn.exported) return false
  if (fn.qualifiedName.includes('.') || fn.className || fn.qualifiedName.includes('[')) return false
  return !used.has(fn.name)
}

/**
 * Names the module calls or mentions in a call's arguments (a function passed as a callback is used). A
 * mention inside a function that binds a local of the same name is that local (`var hwb = /^hwb\(/;
 * string.match(hwb)` inside `cs.get.hwb = function (string)`), and an object literal's key (`{ get: {} }`)
 * names a property: neither uses the function.
 */
export function usedNames(module: ModuleModel): Set<string> {
  const locals = new Map<string, Set<string>>()
  for (const b of module.bindings ?? []) {
    if (!b.enclosing) continue
    let names = locals.get(b.enclosing)
    if (!names) locals.set(b.enclosing, (names = new Set()))
    names.add(b.name)
  }
  const out = new Set<string>()
  const mentions = (text: string, scope: string | undefined) => {
    const own = scope === undefined ? undefined : locals.get(scope)
    const code = codeOnly(text)
    for (const m of code.matchAll(NAME)) {
      if (own?.has(m[0])) continue
      const before = code.slice(0, m.index).trimEnd()
      const after = code.slice((m.index ?? 0) + m[0].length).trimStart()
      if (after.startsWith(':') && !after.startsWith('::') && /(?:^|[{,])$/.test(before)) continue
      out.add(m[0])
    }
  }
  for (const c of module.calls) {
    // `mime.lookup('bin')` calls the method on an instance the module hands out: it stays public.
    if (!c.receiver || c.receiver === 'this' || c.receiver === 'self') out.add(c.name)
    for (const a of c.args) mentions(a, c.enclosing)
  }
  for (const b of module.bindings ?? []) mentions(b.value, b.enclosing)
  return out
}

export function entryParams(
  module: ModuleModel,
  fn: FunctionDecl,
  used: Set<string> = new Set()
): Map<string, Origin> {
  const out = new Map<string, Origin>()
  const handler = isHandler(fn)
  if (!fn.exported && !handler && !publicByAssignment(module, fn, used)) return out
  if (isReceiver(fn)) return out
  const python = isPython(module)
  // Nested functions are reachable only through their parent; private methods only through the class.
  if (fn.qualifiedName.includes('.') && !fn.className) return out
  if (fn.name.startsWith('_') && !(python && fn.name === '__init__')) return out
  let index = 0
  for (const p of fn.params) {
    const position = index
    if (!(python && index === 0 && fn.className && (p.name === 'self' || p.name === 'cls'))) index++
    if (NOT_INPUT.has(p.name) || (p.type && SAFE_TYPE.test(p.type.trim()))) continue
    if (!/^[A-Za-z_$][\w$]*$/.test(p.name)) continue
    const owner = handler
      ? `route handler ${fn.qualifiedName}`
      : fn.exported
        ? `exported ${fn.qualifiedName}`
        : `public ${fn.qualifiedName} (assigned for callers outside the module, called nowhere inside)`
    out.set(p.name, {
      kind: handler ? 'request' : 'parameter',
      label: `parameter ${p.name} of ${owner}`,
      steps: [`${fn.qualifiedName}(${p.name})`],
      entry: handler ? undefined : { function: fn, param: p.name, index: position }
    })
  }
  return out
}

/** ` (path: req.query.f → load(name) → fs.readFileSync)` for a message. */
export function pathText(origin: Origin | undefined, sink: string): string {
  if (!origin) return ''
  return ` (path: ${[...origin.steps, sink].join(' → ')})`
}

/** What the input is, in a title: `req.query.file`, `parameter name of exported load`. */
export function inputText(origin: Origin | undefined, fallback: string): string {
  return origin ? origin.label : fallback
}
