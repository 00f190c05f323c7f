// Which units the defect probe (probe.ts) calls, read from the model: the public module-level
// functions of each shipped Python module, and the round-trip pairs among them, named by a verb and
// its inverse (`encode`/`decode`, `dumps`/`loads`, `to_json`/`from_json`). Pure: no I/O.
import type { CodeModel } from '../model/types.js'

export interface ProbeTarget {
  module: string
  /** A JavaScript/TypeScript module's units are read from its text when probed (js-probe-targets.ts). */
  language: 'python' | 'javascript' | 'typescript'
  functions: string[]
  /** `[encoder, decoder, how named]`: a `to-from` pair must change the value's type to count. */
  pairs: RoundTripPair[]
  /** Python: public classes and their public methods (each called on a new instance). */
  classes?: Record<string, string[]>
  /** Python: round-trip pairs among one class's methods. */
  classPairs?: Record<string, RoundTripPair[]>
}

export type RoundTripPair = [string, string, 'verb' | 'to-from']

/** A verb and its inverse; the first makes what the second reads. */
const INVERSES: [string, string][] = [
  ['encode', 'decode'],
  ['dumps', 'loads'],
  ['serialize', 'deserialize'],
  ['serialise', 'deserialise'],
  ['stringify', 'parse'],
  ['quote', 'unquote'],
  ['escape', 'unescape'],
  ['compress', 'decompress'],
  ['pack', 'unpack'],
  ['marshal', 'unmarshal'],
  ['encrypt', 'decrypt'],
  ['b64encode', 'b64decode'],
  ['urlencode', 'urldecode']
]

/** Splits `b58encode_check`, `toJSON`, `from_json` into lower-case words with their separators kept. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split('_')
}

/**
 * `[encoder, decoder]` pairs among `names`: one word of the encoder is a verb whose inverse, in the
 * same place, names the decoder (`b58encode_check`/`b58decode_check`, `quote_plus`/`unquote_plus`),
 * or the encoder is `to_x` and the decoder `from_x` (the probe then asks that the types differ).
 */
export function roundTripPairs(names: readonly string[]): RoundTripPair[] {
  const byWords = new Map(names.map((n) => [words(n).join('_'), n]))
  const out: RoundTripPair[] = []
  for (const name of names) {
    const parts = words(name)
    for (const [i, part] of parts.entries()) {
      for (const [verb, inverse] of INVERSES) {
        if (!part.endsWith(verb) || (part !== verb && !/\d$/.test(part.slice(0, -verb.length))))
          continue
        const other = [...parts]
        other[i] = part.slice(0, part.length - verb.length) + inverse
        const decoder = byWords.get(other.join('_'))
        if (decoder && decoder !== name) out.push([name, decoder, 'verb'])
      }
      if (i === 0 && part === 'to' && parts.length > 1) {
        const decoder = byWords.get(['from', ...parts.slice(1)].join('_'))
        if (decoder) out.push([name, decoder, 'to-from'])
      }
    }
  }
  return [...new Map(out.map((p) => [`${p[0]}/${p[1]}`, p])).values()]
}

const JS_LANGUAGES = new Set(['javascript', 'typescript'])

/** `pkg/_impl.py`, `pkg/_vendor/x.py`, `pkg/__main__.py`: not what the package offers its users. */
export function privatePythonModule(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('_') && part !== '__init__.py')
}

/**
 * The shipped Python modules' public functions and pairs, and the shipped JavaScript/TypeScript
 * modules (their units are read when probed), at most `limit` modules (those with the most functions
 * first).
 */
export function probeTargets(
  model: CodeModel,
  shipped: (path: string) => boolean,
  limit = 60
): ProbeTarget[] {
  const out: ProbeTarget[] = []
  for (const m of model.modules) {
    if (!shipped(m.path)) continue
    if (JS_LANGUAGES.has(m.language) && !m.path.endsWith('.d.ts')) {
      const named = m.functions.filter((f) => f.name && f.kind !== 'constructor').map((f) => f.name)
      if (named.length > 0)
        out.push({
          module: m.path,
          language: m.language as 'javascript' | 'typescript',
          functions: [...new Set(named)],
          pairs: []
        })
      continue
    }
    if (m.language !== 'python' || privatePythonModule(m.path)) continue
    const functions = [
      ...new Set(
        m.functions
          .filter(
            (f) =>
              f.kind === 'function' && !f.className && f.exported && !f.qualifiedName.includes('.')
          )
          .map((f) => f.name)
      )
    ]
    const classes: Record<string, string[]> = {}
    const classPairs: Record<string, RoundTripPair[]> = {}
    for (const c of m.classes) {
      if (!c.exported || c.name.startsWith('_') || c.qualifiedName.includes('.')) continue
      const methods = [
        ...new Set(
          m.functions
            .filter((f) => f.kind === 'method' && f.className === c.name && !f.name.startsWith('_'))
            .map((f) => f.name)
        )
      ]
      if (methods.length === 0) continue
      classes[c.name] = methods
      const pairs = roundTripPairs(methods)
      if (pairs.length > 0) classPairs[c.name] = pairs
    }
    // A module without functions may still carry examples in its classes' docstrings.
    out.push({
      module: m.path,
      language: 'python',
      functions,
      pairs: roundTripPairs(functions),
      ...(Object.keys(classes).length > 0 ? { classes } : {}),
      ...(Object.keys(classPairs).length > 0 ? { classPairs } : {})
    })
  }
  return out.sort((a, b) => b.functions.length - a.functions.length).slice(0, limit)
}
