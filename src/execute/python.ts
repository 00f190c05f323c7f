// Which Python runs the project's code: the project's own virtualenv when it has one, else the one
// the caller names (the action's set-up step installed the project there), else `python3` on PATH;
// accepted only when it can import pytest.
import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { FIND_SPEC_SCRIPT, type PythonAnswer } from '../model/test-loading.js'
import { childEnvironment } from './child-env.js'
import { runChild } from './spawn.js'

const VENV_PYTHONS = [
  '.venv/bin/python',
  'venv/bin/python',
  '.venv/Scripts/python.exe',
  'venv/Scripts/python.exe'
]

export async function findPython(
  root: string,
  preferred: string | null,
  env: Record<string, string>
): Promise<{ python: string | null; tried: string[] }> {
  const candidates: string[] = []
  for (const rel of VENV_PYTHONS) {
    try {
      await access(join(root, rel))
      candidates.push(join(root, rel))
    } catch {
      // not there
    }
  }
  if (preferred) candidates.push(preferred)
  candidates.push('python3', 'python')
  for (const python of candidates) {
    const probe = await runChild({
      command: python,
      args: ['-c', 'import pytest'],
      cwd: root,
      env,
      timeoutMs: 30_000
    })
    if (probe.code === 0) return { python, tried: candidates }
  }
  return { python: null, tried: candidates }
}

/**
 * Which of the top-level module names the project's interpreter cannot find (importlib's find_spec in
 * one child process: nothing is imported), and what the interpreter is; null when no interpreter with
 * pytest was found.
 */
export async function askPython(
  root: string,
  preferred: string | null,
  names: readonly string[]
): Promise<PythonAnswer | null> {
  const env = childEnvironment(process.env, {
    extra: { PYTHONPATH: [root, join(root, 'src')].join(':') }
  })
  const { python } = await findPython(root, preferred, env)
  if (!python) return null
  const result = await runChild({
    command: python,
    args: ['-c', FIND_SPEC_SCRIPT, ...names],
    cwd: root,
    env,
    timeoutMs: 60_000
  })
  if (result.code !== 0) return null
  try {
    const parsed = JSON.parse(result.stdout.trim().split('\n').pop() ?? '') as PythonAnswer
    return Array.isArray(parsed.missing) && Array.isArray(parsed.interpreter?.version)
      ? parsed
      : null
  } catch {
    return null
  }
}
