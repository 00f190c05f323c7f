// JSX elements (ModuleModel.jsxElements): tag names, attributes with literal values, spreads, whether
// text can render inside, the enclosing component; fragments are left out; deep nesting is walked
// without recursion; TypeScript files (no JSX grammar) record none.
import { extractSnippet } from './js-helpers.js'

describe('jsxElements', () => {
  it('records elements with attributes, literal values, text and the enclosing component', async () => {
    const model = await extractSnippet(
      [
        'export function Card({ title, ...rest }) {',
        '  return (',
        '    <div className="card" onClick={open} {...rest} aria-hidden tabIndex={0}>',
        '      <img src="/a.png" alt={\'\'} />',
        '      <>{title}</>',
        '      <Foo.Bar label={`x`}>  </Foo.Bar>',
        '      <button>{/* a comment renders nothing */}</button>',
        '    </div>',
        '  )',
        '}',
        ''
      ].join('\n'),
      { language: 'tsx' }
    )
    expect(
      model.jsxElements?.map((e) => [
        e.name,
        e.attributes,
        e.values,
        e.hasText,
        e.enclosing ?? null,
        e.loc.startLine
      ])
    ).toEqual([
      [
        'div',
        ['className', 'onClick', '...', 'aria-hidden', 'tabIndex'],
        { className: 'card', 'aria-hidden': 'true', tabIndex: '0' },
        true,
        'Card',
        3
      ],
      ['img', ['src', 'alt'], { src: '/a.png', alt: '' }, false, 'Card', 4],
      ['Foo.Bar', ['label'], { label: 'x' }, false, 'Card', 6],
      ['button', [], {}, false, 'Card', 7]
    ])
  })

  it('reads JSX in .js files and none in .ts files', async () => {
    const js = await extractSnippet('export const A = () => <a href="/x">Go</a>\n', {
      language: 'javascript'
    })
    expect(js.jsxElements?.map((e) => [e.name, e.hasText])).toEqual([['a', true]])
    const typescript = await extractSnippet(
      'export const n = (a: number) => a < 2 ? "</b>" : "/>"\n'
    )
    expect(typescript.jsxElements).toBeUndefined()
  })

  it('walks 5,000 nested elements without overflowing the stack', async () => {
    const depth = 5_000
    const code = `export const Deep = () => ${'<span>'.repeat(depth)}x${'</span>'.repeat(depth)}\n`
    const model = await extractSnippet(code, { language: 'tsx' })
    expect(model.jsxElements?.length).toBe(depth)
    expect(model.jsxElements?.every((e) => e.hasText)).toBe(true)
  })
})
