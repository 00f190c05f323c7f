// The repository at a git ref, read without a checkout: `git ls-tree` lists the files with their sizes,
// one `git cat-file --batch` process reads the blobs, and the loader's rules decide what is source code.
// Perspectives that compare (backwards-compat) get the base's code model and text from here.
import type {
  LoadedRepository,
  PackageManifest,
  RepositoryFacts,
  SourceFile
} from '../model/types.js'
import { readBlobs } from './cat-file.js'
import { runGit } from './git.js'
import { LinguistAttributes } from './gitattributes.js'
import { languageOf } from './languages.js'
import { compileFilters, DEFAULT_MAX_FILE_BYTES, type LoadOptions } from './loader.js'
import { manifestKind, parseManifest } from './manifests.js'
import {
  hasGeneratedHeader,
  isGeneratedPath,
  isMinifiedName,
  isVendoredPath,
  looksBinary,
  looksMinified
} from './path-rules.js'
import { SkipTally } from './skip-tally.js'

export interface BaseChoice {
  /** The ref as the user or the tag list names it (`v1.2.0`), or the commit. */
  ref: string
  commit: string
  /** How it was chosen, for the report. */
  how: 'input' | 'tag' | 'previous-run'
}

export interface ChooseBaseOptions {
  /** The `base-ref` input; empty or undefined means choose automatically. */
  baseRef?: string
  /** The commit analysed last time for the perspective (from the results history). */
  previousCommit?: string | null
}

export const SHALLOW_ADVICE =
  'This is a shallow clone, so the base commit is not available: set `fetch-depth: 0` on actions/checkout (or run `git fetch --unshallow --tags`) so that tags and earlier commits can be read.'

const MAX_MANIFEST_BYTES = 5 * 1024 * 1024
const LIST_BUFFER = 256 * 1024 * 1024
const decoder = new TextDecoder('utf-8', { fatal: false })

async function git(root: string, args: string[]): Promise<string | null> {
  try {
    return (await runGit(root, args)).trim()
  } catch {
    return null
  }
}

/** `1.2.3`, `v1.2.3`, `1.2.3-rc.1` as numbers, or null when the tag is not semver. */
export function parseSemver(
  tag: string
): { major: number; minor: number; patch: number; pre: string } | null {
  const m =
    /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(
      tag.trim()
    )
  return m
    ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), pre: m[4] ?? '' }
    : null
}

export function compareSemver(a: string, b: string): number {
  const x = parseSemver(a)
  const y = parseSemver(b)
  if (!x || !y) return 0
  return (
    x.major - y.major ||
    x.minor - y.minor ||
    x.patch - y.patch ||
    (x.pre === y.pre ? 0 : x.pre === '' ? 1 : y.pre === '' ? -1 : x.pre < y.pre ? -1 : 1)
  )
}

/**
 * The semver release tags with their commits and commit times, highest version first.
 */
async function releaseTags(
  root: string
): Promise<{ name: string; commit: string; time: number }[]> {
  const listed =
    (await git(root, [
      'for-each-ref',
      '--format=%(refname:short)%09%(objectname)%09%(*objectname)',
      'refs/tags'
    ])) ?? ''
  const tags = listed
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([name]) => name !== undefined && parseSemver(name) !== null)
    .map(([name, object, peeled]) => ({ name, commit: peeled || object }))
  tags.sort((a, b) => compareSemver(b.name, a.name) || (a.name < b.name ? -1 : 1))
  const times = new Map<string, number>()
  const commits = [...new Set(tags.map((t) => t.commit))]
  if (commits.length > 0) {
    const shown = (await git(root, ['show', '-s', '--format=%H %ct', ...commits])) ?? ''
    for (const line of shown.split('\n')) {
      const [commit, time] = line.trim().split(' ')
      if (commit) times.set(commit, Number(time))
    }
  }
  return tags.map((t) => ({ ...t, time: times.get(t.commit) ?? Number.NaN }))
}

/**
 * Picks the base: the `base-ref` input; else the highest semver release made before HEAD that is not
 * on HEAD itself (on a release commit the base is the release before): a tag reachable from HEAD, or
 * a final release (not a pre-release) on a maintenance branch that forked from HEAD's history and was
 * made before HEAD's commit; else
 * the commit analysed last time; else why there is none.
 */
export async function chooseBase(
  root: string,
  options: ChooseBaseOptions
): Promise<BaseChoice | { unavailable: string }> {
  if ((await git(root, ['rev-parse', '--is-inside-work-tree'])) !== 'true') {
    return {
      unavailable:
        'the repository is not a git work tree, so there is no earlier version to compare with'
    }
  }
  const head = await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])
  if (!head)
    return {
      unavailable:
        'the repository has no commits yet, so there is no earlier version to compare with'
    }
  const shallow = (await git(root, ['rev-parse', '--is-shallow-repository'])) === 'true'

  const wanted = options.baseRef?.trim()
  if (wanted) {
    if (wanted.startsWith('-'))
      return {
        unavailable: `base-ref "${wanted}" is not a git ref (it starts with "-"); give a tag, branch or commit such as v1.2.0`
      }
    const commit = await git(root, ['rev-parse', '--verify', '--quiet', `${wanted}^{commit}`])
    if (commit) return { ref: wanted, commit, how: 'input' }
    return {
      unavailable: shallow
        ? `base-ref "${wanted}" is not in this clone. ${SHALLOW_ADVICE}`
        : `base-ref "${wanted}" does not name a commit in this repository; give an existing tag, branch or commit (git tag --list shows the tags)`
    }
  }
  if (shallow) return { unavailable: SHALLOW_ADVICE }

  const semver = await releaseTags(root)
  const merged = new Set(
    ((await git(root, ['tag', '--merged', 'HEAD', '--list', 'v[0-9]*', '[0-9]*'])) ?? '')
      .split('\n')
      .map((t) => t.trim())
  )
  const headTime = Number((await git(root, ['log', '-1', '--format=%ct', 'HEAD'])) ?? 'NaN')
  for (const tag of semver) {
    if (tag.commit === head) continue
    if (merged.has(tag.name)) return { ref: tag.name, commit: tag.commit, how: 'tag' }
    // A release made on a maintenance branch (bottle's 0.13.x beside master) is not reachable from
    // HEAD, but it is what users run: it counts when it was made before HEAD from a shared history.
    if (!(tag.time <= headTime)) continue
    // A pre-release HEAD does not contain is a development line (polka's 1.0.0-next.N on an unmerged
    // `next` branch beside its 0.5 master), not a release HEAD's users run.
    if (parseSemver(tag.name)?.pre) continue
    if ((await git(root, ['merge-base', tag.commit, head])) !== null)
      return { ref: tag.name, commit: tag.commit, how: 'tag' }
  }

  const previous = options.previousCommit?.trim()
  if (previous && /^[0-9a-f]{7,64}$/i.test(previous)) {
    const exists = await git(root, ['cat-file', '-e', `${previous}^{commit}`])
    if (exists !== null && previous !== head) {
      const commit =
        (await git(root, ['rev-parse', '--verify', '--quiet', `${previous}^{commit}`])) ?? previous
      if (commit !== head) return { ref: commit.slice(0, 12), commit, how: 'previous-run' }
    }
  }
  const why = [
    semver.length > 0
      ? 'the only semver tag reachable from HEAD is on HEAD itself'
      : 'no semver tag (v1.2.3 or 1.2.3) is reachable from HEAD',
    previous
      ? `the commit analysed last time (${previous.slice(0, 12)}) is HEAD itself or not in this clone`
      : 'no earlier backwards-compat result records an analysed commit'
  ]
  return {
    unavailable: `${why.join(' and ')}; set the base-ref input (for example base-ref: v1.2.0) to compare with a release`
  }
}

interface TreeEntry {
  mode: string
  type: string
  oid: string
  size: number | null
  path: string
}

/** `git ls-tree -r -z -l <commit>`: `<mode> <type> <oid> <size>\t<path>` per entry. */
async function listTree(root: string, commit: string): Promise<TreeEntry[]> {
  const out = await runGit(root, ['ls-tree', '-r', '-z', '-l', '--full-tree', commit], {
    maxBuffer: LIST_BUFFER,
    timeoutMs: 120_000
  })
  const entries: TreeEntry[] = []
  for (const record of out.split('\0')) {
    if (!record) continue
    const tab = record.indexOf('\t')
    const [mode, type, oid, size] = record.slice(0, tab).split(/\s+/)
    entries.push({
      mode,
      type,
      oid,
      size: size === '-' ? null : Number(size),
      path: record.slice(tab + 1)
    })
  }
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

export interface RepositoryAtRef {
  repo: LoadedRepository
  manifests: PackageManifest[]
}

/** The repository at `commit` as the loader would have loaded that checkout (same skip rules and limits). */
export async function loadRepositoryAt(
  root: string,
  commit: string,
  options: LoadOptions = {}
): Promise<RepositoryAtRef> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const isExcluded = compileFilters(options.include, options.exclude)
  const entries = await listTree(root, commit)
  const tally = new SkipTally()

  const attributeEntries = entries.filter(
    (e) => e.type === 'blob' && (e.path === '.gitattributes' || e.path.endsWith('/.gitattributes'))
  )
  const attributeBlobs = await readBlobs(
    root,
    attributeEntries.map((e) => e.oid)
  )
  const attributes = LinguistAttributes.fromFiles(
    attributeEntries.flatMap((e, i) => {
      const blob = attributeBlobs[i]
      return 'bytes' in blob
        ? [
            {
              base: e.path === '.gitattributes' ? '' : e.path.slice(0, -'/.gitattributes'.length),
              text: blob.bytes.toString('utf8')
            }
          ]
        : []
    })
  )

  const allPaths: string[] = []
  const wanted: { entry: TreeEntry; language: SourceFile['language'] }[] = []
  const manifestEntries: TreeEntry[] = []
  for (const entry of entries) {
    const { path } = entry
    // Submodules are another repository's code; symlinks are not followed (the loader skips those leaving the root).
    if (entry.type === 'commit') {
      tally.add('vendored', path)
      continue
    }
    if (entry.mode === '120000') {
      tally.add('symlink', path)
      continue
    }
    if (entry.type !== 'blob') continue
    if (attributes.value(path, 'linguist-vendored') ?? isVendoredPath(path)) {
      tally.add('vendored', path)
      continue
    }
    allPaths.push(path)
    if (manifestKind(path) !== null && (entry.size ?? 0) <= MAX_MANIFEST_BYTES)
      manifestEntries.push(entry)
    if (isExcluded(path)) tally.add('excluded', path)
    else {
      const language = languageOf(path)
      if (!language) tally.add('unsupported', path)
      else if (attributes.value(path, 'linguist-generated') ?? isGeneratedPath(path))
        tally.add('generated', path)
      else if (isMinifiedName(path)) tally.add('minified', path)
      else if (entry.size === null || entry.size > maxFileBytes) tally.add('too-large', path)
      else wanted.push({ entry, language })
    }
  }

  const blobs = await readBlobs(root, [
    ...wanted.map((w) => w.entry.oid),
    ...manifestEntries.map((e) => e.oid)
  ])
  const files: SourceFile[] = []
  wanted.forEach(({ entry, language }, i) => {
    const blob = blobs[i]
    if (!('bytes' in blob)) return tally.add('unreadable', entry.path)
    const bytes = blob.bytes
    if (looksBinary(bytes)) return tally.add('binary', entry.path)
    if (looksMinified(bytes)) return tally.add('minified', entry.path)
    const text = decoder.decode(bytes)
    if (attributes.value(entry.path, 'linguist-generated') !== false && hasGeneratedHeader(text))
      return tally.add('generated', entry.path)
    files.push({ path: entry.path, language, bytes: bytes.length, text })
  })
  const manifests = manifestEntries.flatMap((entry, i) => {
    const blob = blobs[wanted.length + i]
    const kind = manifestKind(entry.path)
    return 'bytes' in blob && kind
      ? [parseManifest(entry.path, kind, blob.bytes.toString('utf8').replace(/^\uFEFF/, ''))]
      : []
  })
  return {
    repo: {
      root,
      files,
      skipped: tally.result(),
      allPaths,
      listedBy: 'git',
      notes: [`Read at commit ${commit} with git ls-tree and git cat-file.`]
    },
    manifests
  }
}

/** Facts for building the base's model: its manifests; history and reports belong to HEAD only. */
export function baseFacts(manifests: PackageManifest[], commit: string): RepositoryFacts {
  return {
    manifests,
    ci: [],
    coverage: [],
    junit: [],
    git: {
      available: false,
      shallow: false,
      commitsExamined: 0,
      windowDays: 0,
      head: commit,
      files: {},
      note: 'the base is read at a commit; no history'
    },
    tsPaths: {},
    notes: []
  }
}
