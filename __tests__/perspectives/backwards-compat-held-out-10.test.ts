// Shapes that compat held-out-10 missed or that its judge found wrongly called (docs/evaluation/compat.md,
// round 11), each on a small package written for it: the planted break asserted by file and line, the
// false shape beside it asserted absent.
import { describe, expect, it } from '@jest/globals'
import { breaksOf, compatBreaks, manifest } from './compat-fixture.js'

describe('every parameter a signature drops is a finding of its own (anymatch 3)', () => {
  it('two trailing parameters removed give two findings; one kept by an overload gives none', async () => {
    const base = {
      'package.json': manifest({}),
      'index.js': [
        'module.exports = function match(patterns, value, returnIndex, first, last) {',
        '  return [patterns, value, returnIndex, first || 0, last]',
        '}',
        ''
      ].join('\n')
    }
    const head = {
      'package.json': manifest({
        version: '2.0.0',
        types: 'index.d.ts',
        files: ['index.js', 'index.d.ts']
      }),
      'index.js': [
        'module.exports = function match(patterns, value, returnIndex) {',
        '  return [patterns, value, returnIndex]',
        '}',
        ''
      ].join('\n'),
      'index.d.ts': [
        'type Pattern = string | RegExp',
        'declare function match(patterns: Pattern | Pattern[], value: string, returnIndex?: boolean): boolean',
        'declare function match(patterns: Pattern | Pattern[]): (value: string) => boolean',
        'export = match',
        ''
      ].join('\n')
    }
    const { found } = await breaksOf(base, head)
    expect(found.filter((f) => f.includes('parameter'))).toEqual([
      'default: parameter `first` removed @index.d.ts:2',
      'default: parameter `last` removed @index.d.ts:2'
    ])
    // The twin: only the last parameter dropped is one finding, not two.
    const one = {
      ...head,
      'index.d.ts': head['index.d.ts'].replace(
        'returnIndex?: boolean): boolean',
        'returnIndex?: boolean, first?: number): boolean'
      )
    }
    const { found: single } = await breaksOf(base, one)
    expect(single.filter((f) => f.includes('parameter'))).toEqual([
      'default: parameter `last` removed @index.d.ts:2'
    ])
  })
})

describe('a Python parameter retyped through an alias of the same type (markdown-it-py 3)', () => {
  it('env: MutableMapping -> EnvType = MutableMapping[str, Any] is no break; an alias of a narrower type is', async () => {
    const pyproject = (version: string): string =>
      `[project]\nname = "pkg"\nversion = "${version}"\n`
    const base = {
      'pyproject.toml': pyproject('1.0.0'),
      'pkg/__init__.py': 'from pkg.main import render, parse\n',
      'pkg/main.py': [
        'from typing import Any, MutableMapping, Optional',
        '',
        '',
        'def render(src: str, env: Optional[MutableMapping] = None) -> str:',
        '    return src',
        '',
        '',
        'def parse(src: str, env: MutableMapping) -> list:',
        '    return [src]',
        ''
      ].join('\n')
    }
    const head = {
      'pyproject.toml': pyproject('2.0.0'),
      'pkg/__init__.py': 'from pkg.main import render, parse\n',
      'pkg/utils.py': [
        'from typing import Any, Dict, MutableMapping',
        '',
        'EnvType = MutableMapping[str, Any]  # the rendering environment',
        'StrictEnv = Dict[',
        '    str, Any',
        ']',
        ''
      ].join('\n'),
      'pkg/main.py': [
        'from typing import Any, Optional',
        '',
        'from pkg.utils import EnvType, StrictEnv',
        '',
        '',
        'def render(src: str, env: Optional[EnvType] = None) -> str:',
        '    return src',
        '',
        '',
        'def parse(src: str, env: StrictEnv) -> list:',
        '    return [src]',
        ''
      ].join('\n')
    }
    const found = await compatBreaks(base, head)
    expect(found).toEqual([
      expect.stringMatching(/^parameterTypeChanged parse: type of env changed @pkg\/main.py:10$/)
    ])
  })
})
