// Judged round 13 (docs/evaluation/judged-session17.md): shapes judged false on fresh repositories, each beside
// its true twin, by file and line.
import { describe, expect, it } from '@jest/globals'
import type { Perspective } from '../../perspectives/define.js'
import failureModes from '../../perspectives/failure-modes/index.js'
import scope from '../../perspectives/scope/index.js'
import security from '../../perspectives/security/index.js'
import testPyramid from '../../perspectives/test-pyramid/index.js'
import userExperience from '../../perspectives/user-experience/index.js'
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

describe('user-experience genericErrorMessage (webargs make_error key, buku prompt)', () => {
  it('a key of a message table is not the message; a bare generic message is', async () => {
    const fields = [
      'class DelimitedList:', // 1
      '    default_error_messages = {"invalid": "Not a valid delimited list."}', // 2
      '', // 3
      '    def make_error(self, key):', // 4
      '        return ValueError(self.default_error_messages[key])', // 5
      '', // 6
      '    def parse(self, value):', // 7
      '        if not isinstance(value, str):', // 8
      '            raise self.make_error("invalid")', // 9
      '        if value == "":', // 10
      '            raise ValueError("invalid")', // 11
      '        return value.split(",")', // 12
      ''
    ].join('\n')
    const found = await findings(userExperience as Perspective<string, unknown>, {
      'pyproject.toml': '[project]\nname = "fields"\nversion = "1.0"\n',
      'fields/__init__.py': '',
      'fields/core.py': fields
    })
    expect(rows(found, 'genericErrorMessage')).toEqual(['genericErrorMessage fields/core.py:11'])
  })

  it('a generic message printed under the line the user typed is low; elsewhere in the CLI it is medium', async () => {
    const cli = [
      'import sys', // 1
      '', // 2
      '', // 3
      'def prompt():', // 4
      '    while True:', // 5
      "        line = input('> ')", // 6
      "        if line not in ('a', 'b'):", // 7
      "            print('Invalid input')", // 8
      '            continue', // 9
      '        return line', // 10
      '', // 11
      '', // 12
      'def main(argv=None):', // 13
      '    args = argv or sys.argv[1:]', // 14
      '    if not args:', // 15
      "        print('Invalid input')", // 16
      '        return 2', // 17
      '    return prompt()', // 18
      '', // 19
      '', // 20
      "if __name__ == '__main__':", // 21
      '    sys.exit(main())', // 22
      ''
    ].join('\n')
    const found = await findings(userExperience as Perspective<string, unknown>, {
      'pyproject.toml':
        '[project]\nname = "tool"\nversion = "1.0"\n\n[project.scripts]\ntool = "tool.cli:main"\n',
      'tool/__init__.py': '',
      'tool/cli.py': cli
    })
    const generic = found.filter((f) => f.messageId === 'genericErrorMessage')
    expect(generic.map((f) => `${f.startLine}:${f.severity}`).sort()).toEqual([
      '16:medium',
      '8:low'
    ])
  })
})

describe('security weakHash (flask-wtf csrf.py)', () => {
  it('SHA-1 over fresh random bytes is a token, not a hashed secret; SHA-1 of a password still is', async () => {
    const csrf = [
      'import hashlib', // 1
      'import os', // 2
      '', // 3
      '', // 4
      'def generate_csrf(session):', // 5
      '    secret = hashlib.sha1(os.urandom(64)).hexdigest()', // 6
      '    session["csrf_token"] = secret', // 7
      '    return secret', // 8
      '', // 9
      '', // 10
      'def store_password(password):', // 11
      '    return hashlib.sha1(password.encode()).hexdigest()', // 12
      ''
    ].join('\n')
    const found = await findings(security as Perspective<string, unknown>, {
      'pyproject.toml': '[project]\nname = "forms"\nversion = "1.0"\n',
      'forms/__init__.py': '',
      'forms/csrf.py': csrf
    })
    expect(rows(found, 'weakHash')).toEqual(['weakHash forms/csrf.py:12'])
  })
})

describe('failure-modes uncheckedOptional (buku convert_bookmark_set)', () => {
  it('a closure reading what its enclosing function defaulted is guarded; the same closure without the default is not', async () => {
    const convert = [
      'def convert(rows, old=None):', // 1
      '    old = old or {}', // 2
      '    count = len(rows)', // 3
      '', // 4
      '    def title(row):', // 5
      '        return old.get(row)', // 6
      '', // 7
      '    return [title(r) for r in rows], count', // 8
      '', // 9
      '', // 10
      'def export(rows, cache=None):', // 11
      '    count = len(rows)', // 12
      '', // 13
      '    def title(row):', // 14
      '        return cache.get(row)', // 15
      '', // 16
      '    return [title(r) for r in rows], count', // 17
      ''
    ].join('\n')
    const found = await findings(failureModes as Perspective<string, unknown>, {
      'pyproject.toml': '[project]\nname = "marks"\nversion = "1.0"\n',
      'marks/__init__.py': 'from .convert import convert, export\n',
      'marks/convert.py': convert
    })
    expect(rows(found, 'uncheckedOptional')).toEqual(['uncheckedOptional marks/convert.py:15'])
  })
})
