// Finding CI configuration files and keeping their text for the ci-cd perspective.
import type { CiFile } from '../model/types.js'
import { mapLimit } from './map-limit.js'
import { readTextFile } from './read-text.js'

const MAX_CI_BYTES = 1024 * 1024

/** Which CI system a path configures, or null. */
export function ciSystem(path: string): CiFile['system'] | null {
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/i.test(path)) return 'github-actions'
  if (path === '.gitlab-ci.yml' || path === '.gitlab-ci.yaml') return 'gitlab-ci'
  if (path === '.circleci/config.yml' || path === '.circleci/config.yaml') return 'circleci'
  if (
    path === 'azure-pipelines.yml' ||
    path === 'azure-pipelines.yaml' ||
    /^\.azure-pipelines\/[^/]+\.ya?ml$/.test(path)
  )
    return 'azure-pipelines'
  if (path === 'Jenkinsfile' || /^[^/]+\.jenkinsfile$/i.test(path)) return 'jenkins'
  if (path === '.travis.yml') return 'travis'
  if (
    path === 'bitbucket-pipelines.yml' ||
    path === '.drone.yml' ||
    path === 'appveyor.yml' ||
    path === '.appveyor.yml'
  )
    return 'other'
  return null
}

/** CI files among `paths`, sorted by path, with their text; unreadable ones are reported in `notes`. */
export async function readCiFiles(
  root: string,
  paths: readonly string[],
  notes: string[]
): Promise<CiFile[]> {
  const found = paths
    .map((path) => ({ path, system: ciSystem(path) }))
    .filter((entry): entry is { path: string; system: CiFile['system'] } => entry.system !== null)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const files = await mapLimit(found, 8, async ({ path, system }): Promise<CiFile | null> => {
    const read = await readTextFile(root, path, MAX_CI_BYTES)
    if ('text' in read) return { path, system, text: read.text }
    if ('error' in read) notes.push(`CI file ${read.error}`)
    return null
  })
  return files.filter((file): file is CiFile => file !== null)
}

/** A GitHub action's metadata file (what `uses: ./path` runs): `action.yml` or `action.yaml` in any folder. */
export function isActionFile(path: string): boolean {
  return /(^|\/)action\.ya?ml$/.test(path)
}

const MAX_ACTION_FILES = 200

/** Local action metadata files among `paths` (at most 200), sorted by path, with their text. */
export async function readActionFiles(
  root: string,
  paths: readonly string[],
  notes: string[]
): Promise<CiFile[]> {
  const found = paths.filter(isActionFile).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  if (found.length > MAX_ACTION_FILES)
    notes.push(
      `${found.length} action.yml files found; only the first ${MAX_ACTION_FILES} were read`
    )
  const files = await mapLimit(
    found.slice(0, MAX_ACTION_FILES),
    8,
    async (path): Promise<CiFile | null> => {
      const read = await readTextFile(root, path, MAX_CI_BYTES)
      if ('text' in read) return { path, system: 'github-actions', text: read.text }
      if ('error' in read) notes.push(`action file ${read.error}`)
      return null
    }
  )
  return files.filter((file): file is CiFile => file !== null)
}
