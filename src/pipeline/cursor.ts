// Stage: choose the perspective(s). The action keeps its cursor in a repository variable, the CLI in
// the local results folder; an explicit perspective or `all` still reads the cursor (to report what
// runs next) but never moves it.
import type { Perspective } from '../../perspectives/define.js'
import type { PerspectiveMeta } from '../../perspectives/types.js'
import type { RunConfig } from '../config/types.js'
import {
  readRotation,
  TOKEN_ADVICE,
  type FallbackHints,
  type RotationState
} from '../cursor/rotation.js'
import { LocalCursorStore, RepositoryVariableStore, type CursorStore } from '../cursor/stores.js'
import { following } from '../cursor/value.js'
import { createGitHubClient } from '../github/client.js'
import type { Logger } from '../log.js'
import { stage } from './timing.js'
import type { RotationInfo } from '../report/types.js'
import type { RunEnvironment } from './environment.js'

export interface Selection {
  perspectives: Perspective<string, any>[]
  rotation: RotationState
  /** For the summary: what ran, what runs next, where the cursor came from. */
  info: RotationInfo
  /** The iteration recorded by this run. */
  iteration: number
  trigger: 'schedule' | 'manual' | 'all' | 'cli'
  /** Whether this run moves the cursor once the results are stored. */
  advances: boolean
}

function variableStore(
  config: RunConfig,
  env: RunEnvironment,
  logger: Logger
): { store: CursorStore | null; unavailable?: string } {
  if (!config.githubToken) {
    return {
      store: null,
      unavailable: `No github-token was given, and the rotation cursor (repository variable ${config.cursorVariable}) cannot be read without one`
    }
  }
  const [owner, repo] = config.repository.split('/')
  if (!owner || !repo) {
    return {
      store: null,
      unavailable: `No repository is known (set the repository input), and the repository variable ${config.cursorVariable} cannot be read without one`
    }
  }
  const client = createGitHubClient({
    token: config.githubToken,
    apiUrl: env.apiUrl,
    logger,
    ...env.net?.github
  })
  return { store: new RepositoryVariableStore(client, owner, repo, config.cursorVariable) }
}

export async function selectPerspectives(
  config: RunConfig,
  env: RunEnvironment,
  perspectives: readonly Perspective<string, any>[],
  hints: FallbackHints,
  logger: Logger
): Promise<Selection> {
  return stage(logger, 'Choose the perspective', async () => {
    const metas: PerspectiveMeta[] = perspectives.map((p) => p.meta)
    const { store, unavailable } =
      env.kind === 'cli'
        ? { store: new LocalCursorStore(config.outputDir), unavailable: undefined }
        : variableStore(config, env, logger)
    const rotation = await readRotation({
      store,
      storeKind: env.kind === 'cli' ? 'local' : 'variable',
      unavailable,
      hints,
      metas,
      logger
    })
    const warning = rotation.warnings.length > 0 ? rotation.warnings.join(' ') : undefined
    const choice = config.choice
    const trigger =
      env.kind === 'cli'
        ? 'cli'
        : choice.kind === 'all'
          ? 'all'
          : choice.kind === 'one'
            ? 'manual'
            : 'schedule'
    let chosen: Perspective<string, any>[]
    let info: RotationInfo
    if (choice.kind === 'rotation') {
      chosen = perspectives.filter((p) => p.meta.number === rotation.cursor.next)
      info = {
        current: rotation.cursor.next,
        next: following(rotation.cursor.next, metas.length),
        source: rotation.source,
        warning
      }
    } else if (choice.kind === 'all') {
      chosen = [...perspectives]
      info = { current: metas[0].number, next: rotation.cursor.next, source: 'explicit', warning }
    } else {
      chosen = perspectives.filter((p) => p.meta.id === choice.meta.id)
      info = {
        current: choice.meta.number,
        next: rotation.cursor.next,
        source: 'explicit',
        warning
      }
    }
    const names = chosen.map((p) => `${p.meta.number} ${p.meta.id}`).join(', ')
    logger.info(
      choice.kind === 'rotation'
        ? `Rotation: perspective ${names} (iteration ${rotation.cursor.iteration}, cursor from ${rotation.source})`
        : `Explicit choice: ${choice.kind === 'all' ? `all ${chosen.length} perspectives` : names}; the rotation is left alone`
    )
    const advances = choice.kind === 'rotation' && !config.dryRun && rotation.store !== null
    return {
      perspectives: chosen,
      rotation,
      info,
      iteration: rotation.cursor.iteration,
      trigger,
      advances
    }
  })
}

export { TOKEN_ADVICE }
