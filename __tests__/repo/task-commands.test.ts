// tox environments and Makefile targets with their commands, as the ci-cd perspective follows them.
import { describe, expect, test } from '@jest/globals'
import { parseIni } from '../../src/repo/manifest-python.js'
import {
  expandEnvNames,
  makeTargets,
  pytestFromIni,
  toxFromIni,
  toxFromPyproject
} from '../../src/repo/task-commands.js'

describe('task commands', () => {
  test("tox's generative names expand", () => {
    expect(expandEnvNames('py{39,310}-cov, lint\ndocs')).toEqual([
      'py39-cov',
      'py310-cov',
      'lint',
      'docs'
    ])
  })

  test('tox.ini: an environment without commands inherits [testenv]; continuation lines join', () => {
    const tox = toxFromIni(
      'tox.ini',
      parseIni(
        [
          '[tox]',
          'envlist = py{311,312}, lint',
          '[testenv]',
          'commands =',
          '    - coverage run \\',
          '        -m pytest {posargs}',
          '    coverage report',
          '[testenv:lint]',
          'commands = ruff check .',
          ''
        ].join('\n')
      )
    )
    expect(tox?.defaults).toEqual(['py311', 'py312', 'lint'])
    expect(tox?.tasks.py312).toEqual(['coverage run -m pytest {posargs}', 'coverage report'])
    expect(tox?.tasks.lint).toEqual(['ruff check .'])
  })

  test('[tool.tox] in TOML: command word lists, env_list, and the legacy ini text', () => {
    const native = toxFromPyproject('pyproject.toml', {
      tool: {
        tox: {
          env_list: ['py3.12'],
          env_run_base: { commands: [['pytest', '--cov', '-k', 'not slow']] }
        }
      }
    })
    expect(native?.tasks['py3.12']).toEqual(["pytest --cov -k 'not slow'"])
    const legacy = toxFromPyproject('pyproject.toml', {
      tool: { tox: { legacy_tox_ini: '[tox]\nenvlist = py\n[testenv]\ncommands = pytest\n' } }
    })
    expect(legacy?.tasks.py).toEqual(['pytest'])
  })

  test("pytest's addopts: tox.ini's [pytest], setup.cfg's [tool:pytest]", () => {
    const tox = pytestFromIni('tox.ini', '[pytest]\naddopts = -q\n    --cov=pkg\n')
    expect(tox?.tasks.addopts).toEqual(['-q --cov=pkg'])
    expect(pytestFromIni('setup.cfg', '[pytest]\naddopts = --cov\n')).toBeNull()
    expect(pytestFromIni('setup.cfg', '[tool:pytest]\naddopts = --cov\n')?.tasks.addopts).toEqual([
      '--cov'
    ])
  })

  test('Makefile: recipes with their prerequisites, variables and special targets left out', () => {
    const make = makeTargets(
      'Makefile',
      'PY ?= python\n.PHONY: test\nsetup:\n\t@pip install -e .\ntest: setup\n\t$(PY) -m pytest --cov\n'
    )
    expect(make?.defaults).toEqual(['setup'])
    expect(make?.tasks.test).toEqual(['pip install -e .', '$(PY) -m pytest --cov'])
    expect(make?.tasks['.PHONY']).toBeUndefined()
  })
})
