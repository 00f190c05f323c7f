// Money in binary floating point: a money-like name (price, amount, total, balance, cost, fee, tax,
// subtotal...) converted with parseFloat/Number()/float(), rounded with toFixed()/round(), or multiplied
// or divided by a decimal literal. Conversions and roundings are calls in the model; the arithmetic is
// not, so it is read from the function's own lines (the line must lie inside a function of the module).
import type { CallSite, FunctionDecl } from '../../src/model/types.js'
import {
  type CheckInput,
  type Found,
  functionLines,
  type ModuleInfo,
  rootFunction,
  whereText,
  words
} from './context.js'

const MONEY_WORDS = new Set([
  'price',
  'prices',
  'amount',
  'amounts',
  'balance',
  'balances',
  'cost',
  'costs',
  'fee',
  'fees',
  'tax',
  'taxes',
  'subtotal',
  'vat',
  'salary',
  'payment',
  'refund',
  'discount',
  'cents'
])
/** `total` alone is money only next to these (grand total, order total), not in totalCount/totalTime. */
const TOTAL_COMPANIONS = new Set([
  'total',
  'grand',
  'order',
  'cart',
  'invoice',
  'net',
  'gross',
  'sum',
  'due'
])
const DECIMAL_LIBRARIES =
  /^(decimal|big\.js|decimal\.js|decimal\.js-light|bignumber\.js|dinero\.js|currency\.js|@dinero\.js\/core|money|py-moneyed|moneyed)$/

export function isMoneyName(name: string): boolean {
  const w = words(name)
  if (w.length === 0) return false
  // A count or a percentage of money is not money: priceCount, taxRate... rates are fractions by design.
  if (
    w.some((x) =>
      [
        'count',
        'rate',
        'percent',
        'ratio',
        'pct',
        'id',
        'ids',
        'type',
        'name',
        'label',
        'currency',
        'format',
        'key'
      ].includes(x)
    )
  )
    return false
  if (w.some((x) => MONEY_WORDS.has(x))) return true
  return w.includes('total') && w.every((x) => TOTAL_COMPANIONS.has(x))
}

/** Identifiers in an expression's text, with member chains kept (`order.totalPrice` -> totalPrice). */
function moneyIdentifier(text: string): string | undefined {
  const ids = text.replace(/(['"`]).*?\1/g, '').match(/[A-Za-z_$][\w$]*/g) ?? []
  return ids.find(isMoneyName)
}

/** Names whose words are only `total`/`sum`: a sum of anything (seconds, rows, bytes) unless money is in view. */
function bareTotal(name: string): boolean {
  const w = words(name)
  return w.length > 0 && w.every((x) => x === 'total' || x === 'sum')
}

/**
 * Whether the function's own lines name money beside a bare `total`: a money word (price, amount...) or a
 * money companion (order, invoice, cart...). peewee's `avgtdiff.finalize()` returned `float(total) / ct` over
 * `total += diff.total_seconds()`, a mean time difference (judged false in round 10).
 */
function moneyInView(lines: readonly { text: string }[]): boolean {
  for (const { text } of lines) {
    const ids = text.replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""').match(/[A-Za-z_$][\w$]*/g) ?? []
    for (const id of ids) {
      const w = words(id)
      if (
        isMoneyName(id) &&
        !bareTotal(id) &&
        w.some(
          (x) => MONEY_WORDS.has(x) || (TOTAL_COMPANIONS.has(x) && x !== 'total' && x !== 'sum')
        )
      )
        return true
    }
  }
  return false
}

const CONVERSIONS = new Set(['parseFloat', 'Number', 'Number.parseFloat', 'float'])

function hasDecimalLibrary(info: ModuleInfo): boolean {
  return [...info.importedSources].some((s) => DECIMAL_LIBRARIES.test(s))
}

function callFinding(
  info: ModuleInfo,
  call: CallSite
): { name: string; how: string; kind: string } | undefined {
  if (CONVERSIONS.has(call.callee) && call.args.length >= 1) {
    const name = moneyIdentifier(call.args[0])
    return name ? { name, how: `converted with ${call.callee}()`, kind: 'parse' } : undefined
  }
  if (call.name === 'toFixed' && call.receiver && info.dialect === 'js') {
    const name = moneyIdentifier(call.receiver)
    return name ? { name, how: 'rounded with toFixed()', kind: 'round' } : undefined
  }
  if (call.callee === 'round' && info.dialect === 'python' && call.args.length === 2) {
    const name = moneyIdentifier(call.args[0])
    return name ? { name, how: 'rounded with round() on a float', kind: 'round' } : undefined
  }
  return undefined
}

/** `price * 1.2`, `total / 100.0`, `amount * 0.07`: a money name next to `*` or `/` and a decimal literal. */
const ARITHMETIC =
  /([A-Za-z_$][\w$.]*)\s*[*/]=?\s*(\d+\.\d+|\.\d+)\b|(\d+\.\d+|\.\d+)\s*[*/]\s*([A-Za-z_$][\w$.]*)/g

const DECIMAL_OPERAND = /[*/]\s*\.?\d|\d\s*[*/]/
const MONEY_TEXT =
  /price|amount|balance|cost|fee|tax|total|vat|salary|payment|refund|discount|cents/i

export function checkMoney(input: CheckInput): Found[] {
  const found: Found[] = []
  for (const info of input.modules) {
    if (hasDecimalLibrary(info)) continue
    const seen = new Set<string>()
    const add = (
      root: FunctionDecl | undefined,
      name: string,
      how: string,
      kind: string,
      line: { startLine: number; endLine: number },
      code: string,
      confidence: 'high' | 'medium' | 'low'
    ) => {
      const key = `${root?.qualifiedName ?? '<module>'}|${name}|${kind}`
      if (seen.has(key)) return
      if (root && bareTotal(name) && !moneyInView(functionLines(input.quote, info, root))) return
      seen.add(key)
      const where = whereText(info, root)
      found.push({
        info,
        fn: root,
        draft: {
          messageId: 'floatMoney',
          data: { name, how, where, code: `\`${code.trim().slice(0, 80)}\`` },
          severity: 'medium',
          confidence,
          rationale: `The name ${name} holds money by its words; ${how} works in binary floating point, which rounds most cent values. No decimal library (decimal, big.js, decimal.js, bignumber.js, dinero.js, currency.js) is imported by ${info.module.path}.${kind === 'arithmetic' ? ' The arithmetic is read from the source line inside the function (the model has no operators), so a name in a string or an unrelated expression on the same line can mislead it.' : ''}`,
          evidence: input.quote.evidence(info.module.path, line, 2),
          key,
          symbol: root?.qualifiedName,
          tags: ['money', 'floating-point']
        },
        spec: { name, kind }
      })
    }
    for (const call of info.module.calls) {
      const hit = callFinding(info, call)
      if (!hit) continue
      const root = rootFunction(info, call)
      add(
        root,
        hit.name,
        hit.how,
        hit.kind,
        call.loc,
        input.quote.line(info.module.path, call.loc.startLine),
        'medium'
      )
    }
    // Arithmetic is not in the model: read it from the lines of each top-level function.
    const roots = new Set(info.rootOf.values())
    for (const root of roots) {
      for (const { line, text } of functionLines(input.quote, info, root)) {
        // Cheap filters first: most lines have no decimal literal next to * or /, or no money word.
        if (!DECIMAL_OPERAND.test(text) || !MONEY_TEXT.test(text) || /Decimal\s*\(/.test(text))
          continue
        const stripped = text.replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""')
        for (const m of stripped.matchAll(ARITHMETIC)) {
          const operand = m[1] ?? m[4]
          const name = moneyIdentifier(operand)
          if (!name) continue
          add(
            root,
            name,
            `multiplied or divided by the decimal literal ${m[2] ?? m[3]}`,
            'arithmetic',
            { startLine: line, endLine: line },
            text,
            'medium'
          )
        }
      }
    }
  }
  return found
}
