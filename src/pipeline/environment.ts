// Facts about where a run happens: the runner's variables for the action, local defaults for the CLI.
import type { GitHubClientOptions } from '../github/client.js'
import type { HubConnectionOptions } from '../sinks/hub-client.js'

/** Seams for outbound calls (the fault suite injects time and fetch); unset in real runs. */
export interface NetworkSeams {
  github?: Pick<
    GitHubClientOptions,
    'now' | 'sleep' | 'timeoutSignal' | 'budgetMs' | 'timeoutMs' | 'baseDelayMs'
  >
  hub?: Pick<HubConnectionOptions, 'fetch' | 'retryPolicy' | 'timeoutMs' | 'retryBudgetMs'>
}

export interface RunEnvironment {
  kind: 'action' | 'cli'
  runId: string
  runNumber: number | null
  /** The commit the runner checked out, used when the target is not a git checkout. */
  sha: string | null
  ref: string | null
  /** e.g. https://github.com; empty for local runs. */
  serverUrl: string
  apiUrl: string
  runUrl?: string
  net?: NetworkSeams
  /** Environment for defaults resolved elsewhere (HF_USERNAME, HF_ENDPOINT). */
  env: Record<string, string | undefined>
}

function positiveInt(text: string | undefined): number | null {
  return text && /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : null
}

export function actionEnvironment(env: NodeJS.ProcessEnv): RunEnvironment {
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const runId = env.GITHUB_RUN_ID?.trim() || `local-${Date.now()}`
  const attempt = positiveInt(env.GITHUB_RUN_ATTEMPT)
  const repository = env.GITHUB_REPOSITORY?.trim()
  return {
    kind: 'action',
    runId: attempt !== null && attempt > 1 ? `${runId}-${attempt}` : runId,
    runNumber: positiveInt(env.GITHUB_RUN_NUMBER),
    sha: env.GITHUB_SHA?.trim() || null,
    ref: env.GITHUB_REF_NAME?.trim() || env.GITHUB_REF?.trim() || null,
    serverUrl,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    runUrl:
      repository && env.GITHUB_RUN_ID
        ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined,
    env: { ...env }
  }
}

export function cliEnvironment(env: NodeJS.ProcessEnv): RunEnvironment {
  return {
    kind: 'cli',
    runId: 'local',
    runNumber: null,
    sha: null,
    ref: null,
    serverUrl: '',
    apiUrl: '',
    env: { ...env }
  }
}
