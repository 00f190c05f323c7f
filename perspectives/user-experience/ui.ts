// UI components (JSX/TSX): images without alt text, buttons and links without an accessible name,
// click handlers on elements a keyboard cannot reach, and form fields without a label. Elements with a
// spread (`{...props}`) are skipped: the spread may carry the missing attribute.
import type { JsxElement } from '../../src/model/types.js'
import type { Confidence, Severity } from '../types.js'
import { type CheckInput, type Found, type ModuleInfo } from './context.js'
import type { UserExperienceMessageId } from './messages.js'
import { within } from '../kit/index.js'

const STATIC_TAGS = new Set([
  'div',
  'span',
  'li',
  'p',
  'section',
  'article',
  'td',
  'tr',
  'img',
  'ul',
  'header',
  'footer',
  'main',
  'aside',
  'label',
  'i',
  'svg',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6'
])
const CLICK = ['onClick', 'onMouseDown', 'onMouseUp']
const KEYS = ['onKeyDown', 'onKeyUp', 'onKeyPress']
const NAMING = ['aria-label', 'aria-labelledby', 'title']
const FIELD_TAGS = new Set(['input', 'select', 'textarea'])
const UNLABELLED_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image'])

const has = (el: JsxElement, name: string): boolean => el.attributes.includes(name)
const hidden = (el: JsxElement): boolean =>
  el.values['aria-hidden'] === 'true' ||
  ['presentation', 'none'].includes(el.values.role ?? '') ||
  el.values.hidden === 'true'

/** Whether `el` has a descendant that names it: an image with non-empty alt, or an element with aria-label/title. */
function namedDescendant(elements: JsxElement[], index: number): boolean {
  const el = elements[index]
  for (let i = index + 1; i < elements.length && within(elements[i].loc, el.loc); i++) {
    const child = elements[i]
    if (
      (child.name === 'img' && (child.values.alt ?? '') !== '') ||
      NAMING.some((n) => has(child, n))
    )
      return true
  }
  return false
}

function componentDescendant(elements: JsxElement[], index: number): string | undefined {
  const el = elements[index]
  for (let i = index + 1; i < elements.length && within(elements[i].loc, el.loc); i++) {
    if (/^[A-Z]/.test(elements[i].name) || elements[i].name.includes('.')) return elements[i].name
  }
  return undefined
}

function insideLabel(elements: JsxElement[], index: number): boolean {
  const el = elements[index]
  for (let i = index - 1; i >= 0; i--) {
    if (elements[i].name === 'label' && within(el.loc, elements[i].loc)) return true
  }
  return false
}

function where(info: ModuleInfo, el: JsxElement): string {
  return el.enclosing ? `${el.enclosing} (${info.module.path})` : info.module.path
}

export function checkUi(input: CheckInput): Found[] {
  const out: Found[] = []
  for (const info of input.modules) {
    const elements = info.module.jsxElements ?? []
    if (elements.length === 0) continue
    const labelled = new Set<string>()
    let dynamicLabels = false
    for (const el of elements) {
      if (el.name !== 'label') continue
      const target = el.values.htmlFor ?? el.values.for
      if (target !== undefined) labelled.add(target)
      else if (has(el, 'htmlFor') || has(el, 'for')) dynamicLabels = true
    }
    const push = (
      el: JsxElement,
      messageId: UserExperienceMessageId,
      severity: Severity,
      confidence: Confidence,
      rationale: string,
      data: Record<string, string>
    ): void => {
      out.push({
        info,
        draft: {
          messageId,
          data: { tag: el.name, where: where(info, el), ...data },
          severity,
          confidence,
          rationale,
          evidence: input.quote.evidence(info.module.path, el.loc, 2),
          key: `${el.enclosing ?? '<module>'}:${el.name}:${messageId}`,
          ...(el.enclosing ? { symbol: el.enclosing } : {})
        }
      })
    }
    elements.forEach((el, index) => {
      if (has(el, '...') || hidden(el)) return
      if (
        el.name === 'img' &&
        !has(el, 'alt') &&
        !has(el, 'aria-label') &&
        !has(el, 'aria-labelledby')
      ) {
        push(
          el,
          'imageWithoutAlt',
          'medium',
          'high',
          'Severity medium: the image carries no information for screen-reader users (WCAG 1.1.1); confidence high: the element has no alt, aria-label or spread attributes.',
          {}
        )
        return
      }
      if (
        (el.name === 'button' || (el.name === 'a' && has(el, 'href'))) &&
        !el.hasText &&
        !NAMING.some((n) => has(el, n)) &&
        !namedDescendant(elements, index)
      ) {
        const component = componentDescendant(elements, index)
        const content = component
          ? `no text of its own (only <${component}>, which may or may not render text)`
          : 'no text content'
        push(
          el,
          'controlWithoutName',
          component ? 'low' : 'high',
          component ? 'low' : 'high',
          `Severity ${component ? 'low' : 'high'}: a control without a name cannot be found or understood with a screen reader (WCAG 4.1.2); confidence ${component ? 'low: the child component may render text' : 'high: nothing inside it renders text'}.`,
          { content, role: el.name === 'button' ? 'button' : 'link' }
        )
        return
      }
      const click = CLICK.find((c) => has(el, c))
      const staticTag = STATIC_TAGS.has(el.name) || (el.name === 'a' && !has(el, 'href'))
      if (click && staticTag) {
        const missing: string[] = []
        if (!has(el, 'role')) missing.push('has no `role`')
        if (!KEYS.some((k) => has(el, k))) missing.push('no keyboard handler (`onKeyDown`)')
        if (!has(el, 'tabIndex') && !(el.name === 'a' && has(el, 'href')))
          missing.push('no `tabIndex`')
        if (missing.length === 0) return
        push(
          el,
          'clickOnStaticElement',
          'medium',
          'high',
          `Severity medium: mouse-only controls shut out keyboard users (WCAG 2.1.1); confidence high: the attributes are read from the element itself.`,
          { handler: `\`${click}\``, missing: missing.join(', ').replace(/, ([^,]*)$/, ' and $1') }
        )
        return
      }
      if (FIELD_TAGS.has(el.name)) {
        const type = el.values.type
        if (el.name === 'input' && type !== undefined && UNLABELLED_TYPES.has(type)) return
        if (el.name === 'input' && type === undefined && has(el, 'type')) return // computed type: may be hidden
        if (NAMING.some((n) => has(el, n)) || insideLabel(elements, index)) return
        const id = el.values.id
        if (id !== undefined && labelled.has(id)) return
        if (has(el, 'id') && (id === undefined || dynamicLabels)) return // a label may point at a computed id
        push(
          el,
          'inputWithoutLabel',
          'medium',
          has(el, 'id') ? 'medium' : 'high',
          `Severity medium: an unlabelled field cannot be filled in with a screen reader (WCAG 1.3.1, 4.1.2); confidence ${has(el, 'id') ? 'medium: a label in another module may name its id' : 'high: it has no id a label could name and no label around it'}.`,
          {
            type: type ? ` type="${type}"` : '',
            placeholder: has(el, 'placeholder')
              ? ' (a placeholder is not a label: it disappears once the user types)'
              : ''
          }
        )
      }
    })
  }
  return out
}
