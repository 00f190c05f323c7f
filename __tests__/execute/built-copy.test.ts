// A shipped module's build that the tests load instead (ejs: lib/esm shipped, lib/cjs tested): taken for the
// module's only with its file name and most of its function names; counts by name, no line claimed.
import { describe, expect, it } from '@jest/globals'
import { builtCopyOf, throughBuild } from '../../src/execute/built-copy.js'
import type { V8Function } from '../../src/execute/coverage.js'
import type { ModuleModel } from '../../src/model/types.js'

function module(path: string, names: string[]): ModuleModel {
  return {
    path,
    functions: names.map((name, i) => ({
      name: name.split('.').pop(),
      qualifiedName: name,
      loc: { startLine: i * 3 + 1, startColumn: 0, endLine: i * 3 + 2, endColumn: 1 }
    }))
  } as unknown as ModuleModel
}

const fn = (name: string, count: number): V8Function => ({
  name,
  range: { startOffset: 0, endOffset: 10, count }
})

describe('builtCopyOf', () => {
  const utils = module('lib/esm/utils.js', ['escapeXML', 'shallowCopy', 'hyphenToCamel', 'hasOwn'])

  it("takes a build with the module's file name and most of its function names (V8's `utils.x` too)", () => {
    const unmodelled = new Map([
      [
        'lib/cjs/utils.js',
        [fn('', 1), fn('utils.escapeXML', 4), fn('utils.shallowCopy', 0), fn('hasOwn', 2)]
      ],
      ['lib/cjs/ejs.js', [fn('escapeXML', 1), fn('shallowCopy', 1), fn('hasOwn', 1)]]
    ])
    expect(builtCopyOf(utils, unmodelled)).toBe('lib/cjs/utils.js')
    const file = throughBuild(utils, 'lib/cjs/utils.js', unmodelled.get('lib/cjs/utils.js')!)
    expect(file.functions).toEqual([
      { name: 'escapeXML', line: 1, hits: 4 },
      { name: 'shallowCopy', line: 4, hits: 0 },
      { name: 'hasOwn', line: 10, hits: 2 }
    ])
    // `hyphenToCamel` is not in the build: not claimed either way. No line is claimed.
    expect([file.linesFound, file.uncoveredLines, file.through]).toEqual([
      0,
      [],
      'lib/cjs/utils.js'
    ])
  })

  it('refuses a file of the same name with other functions, and one of another name', () => {
    expect(
      builtCopyOf(utils, new Map([['dist/utils.js', [fn('escapeXML', 1), fn('pad', 1)]]]))
    ).toBeNull()
    expect(
      builtCopyOf(
        utils,
        new Map([
          ['dist/bundle.js', [fn('escapeXML', 1), fn('shallowCopy', 1), fn('hyphenToCamel', 1)]]
        ])
      )
    ).toBeNull()
  })
})
