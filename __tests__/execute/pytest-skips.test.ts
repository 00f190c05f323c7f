// pytest's `-rs` summary read for the skipped tests and their files, coloured or not.
import { describe, expect, test } from '@jest/globals'
import { pytestSkips } from '../../src/execute/baseline.js'

describe('pytestSkips', () => {
  test('counts and files of plain and coloured SKIPPED lines; none gives null', () => {
    const out = [
      '..s.s',
      '=== short test summary info ===',
      'SKIPPED [2] tests/test_xml.py:4: could not import lxml',
      '\u001b[33mSKIPPED\u001b[0m [1] tests/test_term.py:12: needs a tty',
      '\u001b[32m1318 passed\u001b[0m, \u001b[33m3 skipped\u001b[0m'
    ].join('\n')
    expect(pytestSkips(out)).toEqual({
      count: 3,
      files: ['tests/test_term.py', 'tests/test_xml.py']
    })
    expect(pytestSkips('5 passed in 0.1s')).toBeNull()
  })
})
