// The base for perspectives that compare with an earlier version (meta.needs includes 'base'):
// choose the ref, read the repository at it with git (no second checkout), build its code model.
// Never fails the run: a base that cannot be read becomes `{ unavailable: why }` for the perspective.
import type { AnalyseContext } from '../../perspectives/types.js'
import { buildModel } from '../model/build.js'
import { baseFacts, chooseBase, loadRepositoryAt, type ChooseBaseOptions } from '../repo/base.js'
import type { LoadOptions } from '../repo/loader.js'
import { errorMessage } from '../util/errors.js'

export type BaseInput = NonNullable<AnalyseContext<unknown>['base']>

export interface PreparedBase {
  base: BaseInput
  /** Time spent choosing, reading and modelling the base. */
  millis: number
  /** Source files read at the base (0 when unavailable). */
  files: number
}

export async function prepareBase(
  root: string,
  choose: ChooseBaseOptions,
  load: LoadOptions = {}
): Promise<PreparedBase> {
  const started = performance.now()
  const done = (base: BaseInput, files = 0): PreparedBase => ({
    base,
    files,
    millis: Math.round(performance.now() - started)
  })
  let choice
  try {
    choice = await chooseBase(root, choose)
  } catch (error) {
    return done({ unavailable: `the base could not be chosen: ${errorMessage(error)}` })
  }
  if ('unavailable' in choice) return done(choice)
  try {
    const { repo, manifests } = await loadRepositoryAt(root, choice.commit, load)
    const model = await buildModel(repo, baseFacts(manifests, choice.commit))
    const texts = new Map(repo.files.map((f) => [f.path, f.text]))
    return done(
      {
        ref: choice.ref,
        commit: choice.commit,
        how: choice.how,
        model,
        source: (path: string) => texts.get(path)
      },
      repo.files.length
    )
  } catch (error) {
    return done({
      unavailable: `the repository at ${choice.ref} could not be read with git: ${errorMessage(error)}`
    })
  }
}
