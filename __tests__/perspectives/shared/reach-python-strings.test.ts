// A Python string names a method only where a lookup can reach it (docs/evaluation/reach.md, round R:
// apispec's `Components.response`, reached by `'response'` in utils.py, a module that looks nothing up,
// because another module calls `getattr(schema, modifier)`). A string in a module with a computed lookup
// may name a method of a class that module defines, imports or builds; elsewhere only functions.
import { modelOf, untested } from './reach-model.js'

const REPO = {
  'pyproject.toml': '[project]\nname = "spec"\n',
  'spec/__init__.py': [
    'from spec.core import Components',
    'from spec.plugin import Plugin, register_schema',
    'from spec.util import key_for',
    ''
  ].join('\n'),
  'spec/core.py': [
    'class Components:', //                     1
    '    def __init__(self):', //                2
    '        self.found = {}', //                3
    '    def schema(self, name):', //            4
    "        self.found['schemas'] = name", //  5
    '    def response(self, name):', //          6
    "        self.found['responses'] = name", // 7
    ''
  ].join('\n'),
  'spec/util.py': [
    "KEYS = {'response': 'responses', 'schema': 'schemas'}",
    '',
    'def key_for(kind):',
    '    return KEYS[kind]',
    ''
  ].join('\n'),
  'spec/plugin.py': [
    'from spec.core import Components',
    '',
    'class Plugin:',
    '    def __init__(self):',
    '        self.components = Components()',
    '    def register(self, kind, name):',
    '        return getattr(self.components, kind)(name)',
    '',
    'def register_schema(plugin, name):',
    "    return plugin.register('schema', name)",
    ''
  ].join('\n'),
  'tests/test_spec.py': [
    'from spec import Plugin, key_for, register_schema',
    '',
    'def test_schema():',
    "    register_schema(Plugin(), 'Pet')",
    "    assert key_for('response') == 'responses'",
    ''
  ].join('\n')
}

describe('Python strings as names', () => {
  it('a string names a method only in a module whose lookups can be handed its class', async () => {
    const flagged = untested(await modelOf(REPO), ['spec/core.py'])
    // `'response'` is a dict key in util.py and a test's argument: nothing looks it up on Components.
    expect(flagged).toContain('spec/core.py:6 Components.response')
    // Its twin: `'schema'` in plugin.py, which builds Components and looks names up on it.
    expect(flagged).not.toContain('spec/core.py:4 Components.schema')
  })

  it('a name given to `setattr` replaces the attribute: it calls nothing', async () => {
    const flagged = untested(
      await modelOf({
        ...REPO,
        'tests/test_spec.py': [
          'from spec.core import Components',
          '',
          'def test_patched(monkeypatch):',
          "    monkeypatch.setattr(Components, 'response', lambda self, name: None)",
          "    getattr(Components(), 'schema')('Pet')",
          ''
        ].join('\n')
      }),
      ['spec/core.py']
    )
    // portalocker's `monkeypatch.setattr(utils.Lock, 'acquire', boom)` reached every `acquire`.
    expect(flagged).toContain('spec/core.py:6 Components.response')
    // Its twin: a literal `getattr` reads the method it names.
    expect(flagged).not.toContain('spec/core.py:4 Components.schema')
  })
})
