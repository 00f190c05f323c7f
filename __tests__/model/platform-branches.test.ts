// Definitions under a check of the interpreter's version or platform, read against the interpreter the
// tool runs with (docs/evaluation/reach.md, round O): the side not taken gives no reach, and what it
// defines is flagged as never running here ("runs only where ..."), whatever names reach it elsewhere.
// A check made of anything else leaves both sides open.
import { reachFacts } from '../../perspectives/shared/test-reach.js'
import { evaluate, notTakenBranches } from '../../src/model/platform-branches.js'
import type { PythonInterpreter } from '../../src/model/test-loading.js'
import type { ModuleModel } from '../../src/model/types.js'
import { modelOf, untested } from '../perspectives/shared/reach-model.js'

const HERE: PythonInterpreter = {
  version: [3, 11, 7],
  platform: 'linux',
  osName: 'posix',
  system: 'Linux'
}

const COMPAT = [
  'import sys', //                                               1
  '', //                                                         2
  'if sys.version_info >= (3, 0):', //                           3
  '    def to_bytes(n):', //                                     4
  "        return n.to_bytes(4, 'big')", //                      5
  'else:', //                                                    6
  '    def to_bytes(n):', //                                     7
  '        return chr(n)', //                                    8
  '', //                                                         9
  'PY2 = sys.version_info[0] == 2', //                           10
  '', //                                                         11
  'if PY2:', //                                                  12
  '    def text(x):', //                                         13
  '        return unicode(x)', //                                14
  '    helper = legacy()', //                                    15
  'else:', //                                                    16
  '    def text(x):', //                                         17
  '        return str(x)', //                                    18
  '', //                                                         19
  "if sys.platform == 'zz-os':", //                              20
  '    def native():', //                                        21
  '        return 1', //                                         22
  '', //                                                         23
  'def legacy():', //                                            24
  '    return 0', //                                             25
  '', //                                                         26
  'if feature_enabled():', //                                    27
  '    def maybe():', //                                         28
  '        return 2', //                                         29
  ''
].join('\n')

const FILES = {
  'pyproject.toml': '[project]\nname = "compat"\n',
  'compat.py': COMPAT,
  'tests/test_compat.py': [
    'from compat import to_bytes, text, native, maybe',
    '',
    'def test_all():',
    '    assert to_bytes(1)',
    "    assert text('a') == 'a'",
    '    native()',
    '    maybe()',
    ''
  ].join('\n')
}

describe('code under a version or platform check not taken here', () => {
  it('reads version, platform and flag checks against the interpreter; anything else stays open', () => {
    const flags = new Map([['PY2', false]])
    const cases: [string, boolean | undefined][] = [
      ['sys.version_info >= (3, 10)', true],
      ['sys.version_info < (3,)', false],
      ['sys.version_info[:2] < (3, 8)', false],
      ['sys.version_info[0] == 2', false],
      ['sys.version_info.minor >= 11', true],
      ["sys.platform == 'win32'", false],
      ["sys.platform.startswith('linux')", true],
      ["os.name == 'nt' or sys.platform in ('win32', 'cygwin')", false],
      ["platform.system() == 'Linux'", true],
      ['not PY2', true],
      ['TYPE_CHECKING', undefined],
      ['sys.version_info >= (3, 10) and feature()', undefined]
    ]
    for (const [text, expected] of cases)
      expect([text, evaluate(text, HERE, flags)]).toEqual([text, expected])
  })

  it('flags what the side not taken defines, by line, and lets no name used there reach anything', async () => {
    const model = await modelOf(FILES)
    model.facts.notTakenBranches = notTakenBranches([{ path: 'compat.py', text: COMPAT }], HERE)
    expect(model.facts.notTakenBranches.map((b) => [b.startLine, b.endLine])).toEqual([
      [6, 8],
      [12, 15],
      [20, 22]
    ])
    expect(untested(model, ['compat.py'])).toEqual([
      'compat.py:13 text',
      'compat.py:21 native',
      'compat.py:24 legacy',
      'compat.py:7 to_bytes#2'
    ])
    const module = model.modules.find((m) => m.path === 'compat.py') as ModuleModel
    const py2 = module.functions.find((f) => f.loc.startLine === 7)
    expect(reachFacts(model).estimate(module, py2 as ModuleModel['functions'][number]).runsOn).toBe(
      'runs only where `sys.version_info >= (3, 0)` does not hold (not on Python 3.11 on linux, where the tool ran)'
    )
  })
})
