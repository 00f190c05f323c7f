// Lock files and tool configuration files, by path only: they tell which package manager and which
// test, lint and type-check tools a project uses (the ci-cd perspective compares them with its CI).

const EXACT = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
  'bun.lockb',
  'poetry.lock',
  'uv.lock',
  'pdm.lock',
  'Pipfile',
  'Pipfile.lock',
  'tsconfig.json',
  'jsconfig.json',
  'pytest.ini',
  'tox.ini',
  'noxfile.py',
  '.coveragerc',
  'mypy.ini',
  '.mypy.ini',
  '.flake8',
  '.pylintrc',
  'pylintrc',
  'ruff.toml',
  '.ruff.toml',
  '.nvmrc',
  '.node-version',
  '.python-version',
  '.tool-versions',
  'codecov.yml',
  '.codecov.yml',
  '.pre-commit-config.yaml',
  'biome.json',
  'biome.jsonc',
  'deno.json',
  'Makefile'
])

/** Config files whose name varies by format: `.eslintrc.json`, `jest.config.ts`, `.nycrc.yml`... */
const PREFIXES = [
  '.eslintrc',
  'eslint.config.',
  'jest.config.',
  'vitest.config.',
  'vite.config.',
  '.nycrc',
  '.c8rc',
  'tsconfig.',
  '.prettierrc',
  'prettier.config.'
]

export function isToolFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return EXACT.has(name) || PREFIXES.some((prefix) => name.startsWith(prefix))
}

/** The tool files among `paths` (already free of vendored folders), sorted. */
export function findToolFiles(paths: readonly string[]): string[] {
  return paths.filter(isToolFile).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}
