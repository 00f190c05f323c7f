import { createQuoter, splitLines } from '../../../perspectives/shared/evidence.js'

describe('createQuoter', () => {
  const texts: Record<string, string> = { 'a.py': '\n\ndef f():\r\n    return 1\n    # end\n' }
  const quote = createQuoter({ source: (path) => texts[path] })

  it('quotes the first lines of the range, skipping blank lines, without carriage returns', () => {
    expect(quote.evidence('a.py', { startLine: 1, endLine: 5 }, 2)).toEqual({
      file: 'a.py',
      startLine: 3,
      endLine: 5,
      snippet: 'def f():\n    return 1'
    })
  })

  it('keeps the range inside the file', () => {
    expect(quote.evidence('a.py', { startLine: 5, endLine: 99 })).toMatchObject({
      startLine: 5,
      endLine: 5,
      snippet: '    # end'
    })
  })

  it('says what is missing when there is no text to quote', () => {
    expect(() => quote.evidence('b.py', { startLine: 1, endLine: 1 })).toThrow(
      'no source text for b.py'
    )
    expect(() => createQuoter({}).lines('a.py')).toThrow(
      'the engine must pass AnalyseContext.source'
    )
  })
})

describe('splitLines', () => {
  it('numbers lines as the parser does', () => {
    expect(splitLines('a\r\nb\n')).toEqual(['a', 'b'])
    expect(splitLines('a\rb')).toEqual(['a\rb'])
    expect(splitLines('')).toEqual([''])
  })
})
