// Throwing what is not an Error (JavaScript): strings, template literals, object literals, numbers.
// Python cannot raise a non-exception without a TypeError, so only JavaScript is checked.
import type { ThrowSite } from '../../src/model/types.js'
import { type CheckInput, type Found, whereText } from './context.js'

function thrownKind(site: ThrowSite): string | undefined {
  const text = site.text.trim()
  if (text.startsWith("'") || text.startsWith('"')) return 'a string'
  if (text.startsWith('`')) return 'a template string'
  if (text.startsWith('{')) return 'a plain object'
  if (text.startsWith('[')) return 'an array'
  if (/^-?\d/.test(text)) return 'a number'
  if (text === 'null' || text === 'undefined') return text
  return undefined
}

export function checkThrows(input: CheckInput): Found[] {
  const out: Found[] = []
  for (const info of input.modules) {
    if (info.dialect !== 'js') continue
    for (const site of info.module.throws) {
      const kind = thrownKind(site)
      if (!kind) continue
      const shown = site.text.length > 80 ? `${site.text.slice(0, 77)}…` : site.text
      const fn = site.enclosing ? info.functions.get(site.enclosing) : undefined
      out.push({
        info,
        ...(fn ? { fn } : {}),
        draft: {
          messageId: 'throwNonError',
          data: {
            kind,
            where: whereText(info, site.enclosing),
            thrown: shown.replace(/\s+/g, ' ')
          },
          severity: 'medium',
          confidence: 'high',
          rationale: `Severity medium: catch blocks and loggers expect an Error; ${kind} carries no stack, so where it came from is lost.`,
          evidence: input.quote.evidence(info.module.path, site.loc),
          key: `throw:${site.enclosing ?? '<module>'}:${kind}:${site.message ?? shown}`,
          symbol: site.enclosing ?? '<module>'
        }
      })
    }
  }
  return out
}
