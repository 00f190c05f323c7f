// Dates that depend on the machine's time zone: strings parsed without a zone (new Date('2024-01-01T10:00'),
// Date.parse, moment(string), datetime.strptime without %z unless .replace(tzinfo=) gives it one), naive
// "now" (datetime.now()/utcnow()/today() and fromtimestamp() without tz=), and JavaScript local-time
// getters and setters (getHours, setDate...).
import type { CallSite } from '../../src/model/types.js'
import { stringLiteralValue } from '../shared/literals.js'
import { type CheckInput, type Found, rootFunction, whereText } from './context.js'

const LOCAL_ACCESSORS = new Set([
  'getHours',
  'getMinutes',
  'getDate',
  'getDay',
  'getMonth',
  'getFullYear',
  'getYear',
  'setHours',
  'setMinutes',
  'setDate',
  'setMonth',
  'setFullYear'
])
/** A zone in an ISO-like string: `Z`, `+02:00`, `-0500`, `GMT`, `UTC`. */
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2}|GMT|UTC)\s*$/i
const DATE_ONLY = /^\d{4}-\d{2}(-\d{2})?$/
const STRINGY = /str|string|text|input|iso|raw/i

interface Hit {
  what: string
  problem: string
  consequence: string
  kind: string
  severity: 'medium' | 'low' | 'info'
  confidence: 'high' | 'medium' | 'low'
}

function jsHit(call: CallSite): Hit | undefined {
  const parsesString =
    (call.isNew && call.callee === 'Date' && call.args.length === 1) ||
    call.callee === 'Date.parse' ||
    ((call.callee === 'moment' || call.callee === 'dayjs') && call.args.length === 1)
  if (parsesString) {
    const arg = call.args[0]
    const literal = stringLiteralValue(arg)
    const shown = call.isNew ? 'new Date()' : `${call.callee}()`
    if (literal !== undefined) {
      if (HAS_ZONE.test(literal) || DATE_ONLY.test(literal) || !/\d/.test(literal)) return undefined
      return {
        what: `${shown} parses a date-time without a zone`,
        problem: `reads '${literal}' as local time, so the result depends on the time zone of the machine it runs on`,
        consequence: 'the same text gives instants hours apart on two servers',
        kind: 'parse',
        severity: 'medium',
        confidence: 'high'
      }
    }
    if (!STRINGY.test(arg) || /\d/.test(arg.replace(/[A-Za-z_$][\w$]*/g, ''))) return undefined
    return {
      what: `${shown} parses a string of unknown format`,
      problem: `parses ${arg.slice(0, 40)}, whose zone is not stated (strings without one are read as local time, or rejected by some engines), so the result depends on the time zone of the machine it runs on`,
      consequence: 'parse with an explicit format and zone, or require ISO 8601 with an offset',
      kind: 'parse',
      severity: 'low',
      confidence: 'low'
    }
  }
  if (
    LOCAL_ACCESSORS.has(call.name) &&
    call.receiver &&
    call.receiver !== 'this' &&
    call.args.length <= 1
  ) {
    const utc = call.name.replace(/^(get|set)/, '$1UTC')
    return {
      what: `local-time ${call.name}()`,
      problem: `uses the local time zone (${utc}() would not), so the result depends on the time zone of the machine it runs on`,
      consequence: 'day boundaries, month ends and daylight-saving changes shift with the server',
      kind: 'local',
      severity: 'low',
      confidence: 'medium'
    }
  }
  return undefined
}

function pyHit(call: CallSite): Hit | undefined {
  const name = call.callee.replace(/^datetime\.datetime\./, 'datetime.')
  const hasTz =
    call.keywords?.includes('tz') ||
    call.keywords?.includes('tzinfo') ||
    call.args.some((a) => /tz|timezone|UTC|utc/.test(a))
  if (name === 'datetime.strptime' && call.args.length >= 2) {
    const fmt = stringLiteralValue(call.args[1])
    if (fmt === undefined || /%z|%Z/.test(fmt)) return undefined
    if (!/%H|%I|%M/.test(fmt)) return undefined // a date without a time of day is not an instant
    return {
      what: 'datetime.strptime() without a zone',
      problem: `parses with '${fmt}', which has no %z, into a naive datetime, so the result depends on the time zone of the machine it runs on`,
      consequence:
        'compared with aware datetimes it raises, and stored it means a different instant on each server',
      kind: 'parse',
      severity: 'medium',
      confidence: 'high'
    }
  }
  if (
    (name === 'datetime.now' || name === 'datetime.fromtimestamp') &&
    !hasTz &&
    (name === 'datetime.now' ? call.args.length === 0 : call.args.length === 1)
  ) {
    return {
      what: `naive ${name}()`,
      problem:
        'gives the local wall-clock time without a zone, so the result depends on the time zone of the machine it runs on',
      consequence:
        'timestamps written by servers in different zones disagree; pass tz=timezone.utc',
      kind: 'naive',
      severity: 'low',
      confidence: 'high'
    }
  }
  // The value is UTC: formatted as GMT or turned into seconds with calendar.timegm it is right (judged
  // on webob: a deprecation, not a time-zone bug). Only .astimezone()/.timestamp() would read it as local.
  if (name === 'datetime.utcnow' || name === 'datetime.utcfromtimestamp') {
    return {
      what: `deprecated ${name}()`,
      problem: 'is deprecated since Python 3.12 and returns UTC as a naive datetime',
      consequence:
        'formatting it as GMT or converting it with calendar.timegm is right, but .astimezone() or .timestamp() on it reads it as local time; datetime.now(timezone.utc) says UTC and is not deprecated',
      kind: 'deprecated',
      severity: 'info',
      confidence: 'high'
    }
  }
  return undefined
}

/**
 * Python: the parsed value is given its zone at once, `datetime.strptime(...).replace(tzinfo=...)`, or
 * through the name it is bound to in the same function (`d = strptime(...)` ... `d.replace(tzinfo=...)`).
 */
function zonedAfterwards(call: CallSite, calls: readonly CallSite[]): boolean {
  return calls.some(
    (other) =>
      other.name === 'replace' &&
      other.keywords?.includes('tzinfo') === true &&
      ((other.loc.startLine === call.loc.startLine &&
        other.loc.startColumn === call.loc.startColumn) ||
        (call.assignedTo !== undefined &&
          other.receiver === call.assignedTo &&
          other.enclosing === call.enclosing))
  )
}

export function checkDates(input: CheckInput): Found[] {
  const found: Found[] = []
  for (const info of input.modules) {
    const seen = new Set<string>()
    for (const call of info.module.calls) {
      const hit = info.dialect === 'python' ? pyHit(call) : jsHit(call)
      if (!hit) continue
      if (
        hit.kind === 'parse' &&
        info.dialect === 'python' &&
        zonedAfterwards(call, info.module.calls)
      )
        continue
      const root = rootFunction(info, call)
      // One finding per function and kind of problem: a function full of getHours() is one finding.
      const key = `${root?.qualifiedName ?? '<module>'}|${hit.kind}|${hit.kind === 'local' ? 'local-time' : call.callee}`
      if (seen.has(key)) continue
      seen.add(key)
      const where = whereText(info, root)
      found.push({
        info,
        fn: root,
        draft: {
          messageId: 'localTimeParsing',
          data: {
            what: hit.what,
            where,
            code: `\`${call.callee}(${call.args.join(', ').slice(0, 60)})\``,
            problem: hit.problem,
            consequence: hit.consequence
          },
          severity: hit.severity,
          confidence: hit.confidence,
          rationale:
            hit.kind === 'deprecated'
              ? `${hit.what} warns on Python 3.12 and later and goes in a future release; the UTC value it gives is only wrong where code treats a naive datetime as local time.`
              : `Dates are stored and compared as instants; ${hit.what} ties the result to the host's TZ setting, which differs between laptops, CI and servers.`,
          evidence: input.quote.evidence(info.module.path, call.loc, 2),
          key,
          symbol: root?.qualifiedName,
          tags: ['date-time']
        },
        spec: { kind: hit.kind, callee: call.callee }
      })
    }
  }
  return found
}
