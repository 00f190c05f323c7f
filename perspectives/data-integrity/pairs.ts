// Serialise/parse pairs: two exported functions (or two methods of one exported class) of the same
// module whose names differ only in the verb of a known pair (encode/decode, stringify/parse, dumps/loads,
// toJSON/fromJSON, to_dict/from_dict...). Their invariant is the round trip decode(encode(x)) == x; the
// generator for x comes from the encoder's declared parameter type (or the decoder's return type).
import type { FunctionDecl } from '../../src/model/types.js'
import { exportNamesOf } from '../shared/units.js'
import { fastCheckFor, type Generated, hypothesisFor } from './arbitraries.js'
import { type CheckInput, type Found, type ModuleInfo, words } from './context.js'

/** Encoding verb -> decoding verb. */
const VERBS: Record<string, string> = {
  stringify: 'parse',
  encode: 'decode',
  serialize: 'deserialize',
  serialise: 'deserialise',
  marshal: 'unmarshal',
  dumps: 'loads',
  pack: 'unpack',
  compress: 'decompress'
}

export interface PairSpec {
  encode: FunctionDecl
  decode: FunctionDecl
  /** Names a test imports (top-level) or the class name (methods). */
  encodeName: string
  decodeName: string
  className?: string
  generator: Generated
  /** The parameter the generator feeds. */
  param: string
  /** Extra required parameters make a direct round trip impossible to write without knowing them. */
  blocked?: string
}

/**
 * `toX`/`fromX` is a serialisation only when X is a format or a carrier (toJSON, to_dict, toBytes,
 * toString); toInt/fromNumber/toBits are conversions whose round trip is partial by design.
 */
const FORMATS = new Set([
  'json',
  'dict',
  'bytes',
  'buffer',
  'string',
  'str',
  'object',
  'obj',
  'binary',
  'base64',
  'hex',
  'wire',
  'record',
  'row',
  'map',
  'document',
  'doc',
  'data',
  'yaml',
  'xml',
  'csv',
  'proto',
  'protobuf',
  'url',
  'uri',
  'text',
  'entity',
  'dto',
  'payload',
  'query',
  'params',
  'raw',
  'plain',
  'toml',
  'msgpack',
  'cbor',
  'tuple',
  'mapping',
  'serializable',
  'serialized',
  'primitive',
  'pojo',
  'db',
  'storage'
])

function partnerWords(name: string): string[][] {
  const w = words(name)
  const out: string[][] = []
  if (w.length > 1 && w[0] === 'to' && FORMATS.has(w[w.length - 1]))
    out.push(['from', ...w.slice(1)])
  w.forEach((word, i) => {
    const other = VERBS[word]
    if (other) out.push([...w.slice(0, i), other, ...w.slice(i + 1)])
  })
  return out
}

function pairKind(encode: string): string {
  const w = words(encode)
  if (w[0] === 'to') return `to${w.slice(1).join('')}/from${w.slice(1).join('')}`
  const verb = w.find((x) => VERBS[x]) ?? w[0]
  return `${verb}/${VERBS[verb] ?? '?'}`
}

function reachable(info: ModuleInfo, fn: FunctionDecl): boolean {
  if (fn.className) {
    const cls = info.module.classes.find((c) => c.name === fn.className)
    return !!cls?.exported && !fn.name.startsWith('_') && !fn.name.startsWith('#')
  }
  return fn.exported && fn.qualifiedName === fn.name
}

function required(fn: FunctionDecl, python: boolean): FunctionDecl['params'] {
  return fn.params.filter(
    (p) =>
      !p.rest &&
      !p.optional &&
      p.defaultValue === undefined &&
      !(python && (p.name === 'self' || p.name === 'cls'))
  )
}

/**
 * Abstract or a stub (judged false on superjson and yamllint, session 5): `@abstractmethod`, a method of a
 * Protocol class, or a body whose only call builds the NotImplementedError it raises.
 */
function stub(info: ModuleInfo, fn: FunctionDecl): boolean {
  if ((fn.decorators ?? []).some((d) => /(^|\.)abstractmethod$/.test(d.replace(/^@/, '').trim())))
    return true
  const cls = fn.className ? info.module.classes.find((c) => c.name === fn.className) : undefined
  if (cls?.bases.some((b) => /(^|\.)Protocol(\[|$)/.test(b))) return true
  const raises = info.module.throws.filter((t) => t.enclosing === fn.qualifiedName)
  if (!raises.some((t) => t.errorType === 'NotImplementedError')) return false
  return info.module.calls.every(
    (c) => c.enclosing !== fn.qualifiedName || c.callee === 'NotImplementedError'
  )
}

function unwrapPromise(type: string | undefined): string | undefined {
  const m = type ? /^Promise<(.*)>$/.exec(type.trim()) : null
  return m ? m[1] : type
}

/**
 * What "every value" means when no type says it: JSON encoders carry JSON-native values only (a tuple
 * comes back a list, an int key a string: judged "not for every appstruct" on webob's serializers).
 */
function undeclaredDomain(info: ModuleInfo, encode: FunctionDecl, paramName: string): string {
  const json = info.module.calls.some(
    (c) =>
      c.enclosing === encode.qualifiedName &&
      (c.callee === 'json.dumps' || c.callee === 'JSON.stringify')
  )
  if (json)
    return info.dialect === 'python'
      ? `JSON-native ${paramName} (dicts with string keys, lists, str, int, float, bool, None; a tuple comes back as a list, an int key as a string)`
      : `JSON-native ${paramName} (plain objects, arrays, strings, finite numbers, booleans, null; a Date comes back as a string, an undefined property is dropped)`
  return `${paramName} the format is meant to carry (undeclared: values it cannot carry, such as a tuple through JSON, come back changed, so say which values the invariant is for)`
}

export function checkPairs(input: CheckInput): Found[] {
  const found: Found[] = []
  for (const info of input.modules) {
    const python = info.dialect === 'python'
    // test_encode/test_decode in a tests.py the model did not take for a test file are tests, not a pair.
    const candidates = info.module.functions.filter(
      (f) => reachable(info, f) && words(f.name)[0] !== 'test'
    )
    const byWords = new Map<string, FunctionDecl>()
    for (const f of candidates) byWords.set(`${f.className ?? ''}|${words(f.name).join(' ')}`, f)
    for (const encode of candidates) {
      for (const partner of partnerWords(encode.name)) {
        const decode = byWords.get(`${encode.className ?? ''}|${partner.join(' ')}`)
        if (!decode || decode === encode) continue
        // An interface, not an implementation; or a decode whose extra arguments no encode output supplies.
        if (stub(info, encode) || stub(info, decode)) continue
        if (required(decode, python).length > 1) continue
        const encParams = required(encode, python)
        // An instance method such as toJSON() takes the object itself: the value is `this`.
        const param = encParams[0]
        const paramName = param?.name ?? (encode.className ? `a ${encode.className}` : 'value')
        const type = param?.type ?? (python ? undefined : unwrapPromise(decode.returnType))
        const generator = python ? hypothesisFor(type, paramName) : fastCheckFor(type, paramName)
        const extra = [...encParams.slice(1), ...required(decode, python).slice(1)]
        const blocked = encode.className
          ? `${encode.className} methods need an instance to call`
          : !param
            ? `${encode.name}() takes no value to encode`
            : extra.length > 0
              ? `the other required parameters (${extra.map((p) => p.name).join(', ')}) need values`
              : undefined
        const encodeName = encode.className
          ? encode.name
          : python
            ? encode.name
            : (exportNamesOf(info.module, encode.name).find((n) => n !== 'default') ?? encode.name)
        const decodeName = decode.className
          ? decode.name
          : python
            ? decode.name
            : (exportNamesOf(info.module, decode.name).find((n) => n !== 'default') ?? decode.name)
        const runnable = generator.ok && !blocked
        const evidence = input.quote.evidence(
          info.module.path,
          { startLine: encode.loc.startLine, endLine: encode.loc.startLine },
          1
        )
        const shownEnc = encode.className ? `${encode.className}.${encode.name}` : encode.name
        const shownDec = decode.className ? `${decode.className}.${decode.name}` : decode.name
        found.push({
          info,
          fn: encode,
          draft: {
            messageId: 'roundTripPair',
            data: {
              encode: shownEnc,
              decode: shownDec,
              file: info.module.path,
              pair: pairKind(encode.name),
              invariant: python
                ? `\`${decode.name}(${encode.name}(x)) == x\``
                : `\`${decode.name}(${encode.name}(x))\` deep-equals \`x\``,
              domain: generator.ok ? generator.domain : undeclaredDomain(info, encode, paramName),
              generator: generator.ok
                ? `the generator \`${generator.code}\` follows from the declared type of ${paramName}${blocked ? `, though ${blocked}` : ''}`
                : `no generator follows from the declaration: write ${generator.missing}`
            },
            severity: 'low',
            confidence: runnable ? 'high' : 'medium',
            rationale: `Encoders and decoders drift apart silently (a field added to one, an escape missed, a precision lost); a property test over generated values finds the inputs that do not survive the trip. ${runnable ? 'The spec is runnable as written.' : 'The spec is a todo until its generator and arguments are written.'}`,
            evidence,
            key: `${shownEnc}<->${shownDec}`,
            symbol: shownEnc,
            tags: ['invariant', 'round-trip']
          },
          spec: {
            pair: {
              encode,
              decode,
              encodeName,
              decodeName,
              className: encode.className,
              generator,
              param: paramName,
              blocked
            } satisfies PairSpec
          }
        })
      }
    }
  }
  return found
}
