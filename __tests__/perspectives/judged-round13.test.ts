// Judged round 13 (docs/evaluation/judged-session17.md): shapes judged false on fresh repositories, each beside
// its true twin, by file and line.
import { describe, expect, it } from '@jest/globals'
import type { Perspective } from '../../perspectives/define.js'
import scope from '../../perspectives/scope/index.js'
import testPyramid from '../../perspectives/test-pyramid/index.js'
import { findings, rows } from './judged-helpers.js'

describe('scope entryPointUntested (buku bukuserver/api.py)', () => {
  it('a #! line on a module that tested code imports is not an entry point; a #! script nothing imports is', async () => {
    const found = await findings(scope as Perspective<string, unknown>, {
      'pyproject.toml': '[project]\nname = "server"\nversion = "1.0"\n',
      'server/__init__.py': '',
      'server/app.py': 'from . import api\n\n\ndef create():\n    return api.routes()\n',
      'server/api.py': '#!/usr/bin/env python\n\n\ndef routes():\n    return ["/api"]\n',
      'server/tool.py': '#!/usr/bin/env python\n\n\ndef run():\n    return 1\n',
      'tests/test_app.py':
        'from server.app import create\n\n\ndef test_create():\n    assert create() == ["/api"]\n'
    })
    expect(rows(found, 'entryPointUntested')).toEqual(['entryPointUntested server/tool.py:1'])
  })
})

describe('test-pyramid focusedTest (match-sorter src/__tests__/index.ts)', () => {
  it('test.only taken only when a data-driven case asks for it is not reported; a committed test.only is', async () => {
    const found = await findings(testPyramid as Perspective<string, unknown>, {
      'package.json': '{"name":"m","version":"1.0.0","devDependencies":{"jest":"29"}}',
      'src/index.js': 'export function add(a, b) {\n  return a + b\n}\n',
      'src/__tests__/cases.test.js': [
        "import { add } from '../index.js'", // 1
        '', // 2
        'const cases = { one: { input: [1, 2], output: 3, only: false } }', // 3
        'for (const [title, { input, output, only = false }] of Object.entries(cases)) {', // 4
        '  const fn = () => expect(add(...input)).toBe(output)', // 5
        '  if (only) {', // 6
        '    test.only(title, fn)', // 7
        '  } else {', // 8
        '    test(title, fn)', // 9
        '  }', // 10
        '}', // 11
        ''
      ].join('\n'),
      'src/__tests__/focused.test.js': [
        "import { add } from '../index.js'", // 1
        '', // 2
        "test.only('adds', () => expect(add(1, 1)).toBe(2))", // 3
        "test('adds more', () => expect(add(2, 2)).toBe(4))", // 4
        ''
      ].join('\n')
    })
    expect(rows(found, 'focusedTest')).toEqual(['focusedTest src/__tests__/focused.test.js:3'])
  })
})
