// tox environments and Makefile targets with their commands, as the ci-cd perspective follows them.
import { describe, expect, test } from '@jest/globals'
import { parseIni } from '../../src/repo/manifest-python.js'
import { literalArguments, noxFromFile } from '../../src/repo/nox-sessions.js'
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

  test("nox sessions: each session's literal commands, renamed sessions, and the defaults", () => {
    const nox = noxFromFile(
      'noxfile.py',
      [
        'import nox',
        '',
        'nox.options.sessions = ["tests", "lint"]',
        '',
        '@nox.session(python=["3.11", "3.12"])',
        'def tests(session):',
        '    session.install("-e", ".", "pytest-cov")',
        '    session.run(',
        '        "pytest",',
        '        "--cov=pkg",',
        '        *session.posargs,',
        '        env={"CI": "1"},',
        '    )',
        '',
        '# a comment between sessions',
        '@nox.session(name="lint", reuse_venv=True)',
        'def run_ruff(session):',
        '    session.run("ruff", f"--target={session.python}", "check")',
        '',
        '@nox.session(default=False)',
        'def docs(session):',
        '    session.run("sphinx-build", "docs", "build")',
        '',
        'def helper():',
        '    session.run("not", "a", "session")',
        ''
      ].join('\n')
    )
    expect(nox?.tool).toBe('nox')
    expect(nox?.tasks).toEqual({
      tests: ['pip install -e . pytest-cov', 'pytest --cov=pkg'],
      lint: ['ruff check'],
      docs: ['sphinx-build docs build']
    })
    expect(nox?.defaults).toEqual(['tests', 'lint'])
  })

  test('nox defaults are every session not marked default=False when the list is built in code', () => {
    const text = [
      'import nox',
      'nox.options.sessions = []',
      '@nox.session',
      'def tests(session):',
      '    session.run("pytest")',
      '@nox.session(default=False)',
      'def release(session):',
      '    session.run("twine", "upload")',
      'nox.options.sessions.append("tests")',
      ''
    ].join('\n')
    expect(noxFromFile('noxfile.py', text)?.defaults).toEqual(['tests'])
    expect(noxFromFile('noxfile.py', 'import nox\n')).toBeNull()
  })

  test('only whole string literals at the top level are arguments', () => {
    expect(literalArguments('"a", \'b\', f"c{x}", name="d", ["e"], *rest, "g"')).toEqual([
      'a',
      'b',
      'g'
    ])
  })
})
