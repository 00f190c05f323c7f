// The environment the target's own code runs with: an allow-list, never the action's environment
// minus a deny-list. The action's tokens (github-token, hf-token, GITHUB_TOKEN, ACTIONS_*, HF_*,
// INPUT_*) and anything else not named here stay out, and values equal to a known secret are dropped
// even under an allowed name.

/** Variables a runner needs to start: where programs are, who and where we are, the locale. */
const ALLOWED = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LC_ALL',
  'LC_CTYPE',
  'TZ',
  'TMPDIR',
  'TEMP',
  'TMP',
  'TERM',
  'SYSTEMROOT',
  'COMSPEC',
  'PATHEXT',
  'WINDIR'
])

export interface ChildEnvOptions {
  /** Secret values (the tokens the action was given) that must not appear in any variable. */
  secrets?: readonly string[]
  /** Variables the stage itself sets (CI=true, a venv's PATH, ...); checked against the secrets too. */
  extra?: Record<string, string>
}

export function childEnvironment(
  parent: NodeJS.ProcessEnv,
  options: ChildEnvOptions = {}
): Record<string, string> {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4)
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined || !ALLOWED.has(name)) continue
    env[name] = value
  }
  // Runners behave as on a CI machine: no watch mode, no colour codes in what we read.
  Object.assign(
    env,
    { CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0', PYTHONDONTWRITEBYTECODE: '1', NODE_ENV: 'test' },
    options.extra ?? {}
  )
  for (const [name, value] of Object.entries(env)) {
    if (secrets.some((s) => value.includes(s))) delete env[name]
  }
  return env
}
