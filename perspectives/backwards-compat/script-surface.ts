// The JavaScript/TypeScript package surface at the base and at HEAD, read with the TypeScript compiler
// (loaded on demand), and its breaks as the perspective's changes: each quotes the old declaration and
// the new one (or its absence) with both locations and says which release it needs.
import type { CodeModel, PackageManifest } from '../../src/model/types.js'
import { loadTypeScript } from '../../src/model/ts-blank.js'
import type { Change } from './compare.js'
import { declarationOf, type SurfaceBreak } from './surface-diff.js'
import { entryPoints } from './ts-entries.js'
import { readSurface, type SurfaceItem } from './ts-surface.js'

const SCRIPT = /\.(d\.)?[cm]?[jt]sx?$/

export function rootManifest(model: CodeModel): PackageManifest | undefined {
  return model.facts.manifests.find((m) => m.kind === 'package.json' && m.path === 'package.json')
}

/**
 * The surface of one version, or null when the package has no JavaScript/TypeScript entry point. With
 * `implementation`, the JavaScript beside each shipped declaration (`index.js` for `index.d.ts`) is read
 * instead; null when no entry is a declaration with JavaScript beside it.
 */
export async function scriptSurface(
  model: CodeModel,
  source: ((path: string) => string | undefined) | undefined,
  implementation = false
): Promise<Map<string, SurfaceItem> | null> {
  if (!source) return null
  const paths = model.modules.filter((m) => !m.isTest && SCRIPT.test(m.path)).map((m) => m.path)
  const files = new Set(paths)
  let entries = entryPoints(rootManifest(model), files)
  if (implementation) {
    const beside = (file: string): string | undefined => {
      const stem = file.replace(/\.d\.([cm]?)ts$/, '')
      if (stem === file) return undefined
      return [`${stem}.js`, `${stem}.cjs`, `${stem}.mjs`].find((f) => files.has(f))
    }
    entries = entries.flatMap((e) => {
      const file = beside(e.file)
      return file ? [{ ...e, file }] : []
    })
  }
  if (entries.length === 0) return null
  const ts = await loadTypeScript()
  const surface = readSurface(ts, entries, { paths, text: source })
  return surface.size > 0 ? surface : null
}

/** The next release that may break: `2.0.0` after 1.x, `0.5.0` after 0.4.x (below 1.0.0 a minor is major). */
export function semverAdvice(version: string | undefined): string {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version ?? '')
  if (!m) return 'a major release'
  const [major, minor] = [Number(m[1]), Number(m[2])]
  return major === 0
    ? `a breaking release: 0.${minor + 1}.0 while below 1.0.0`
    : `a major release: ${major + 1}.0.0`
}

const WHAT: Record<SurfaceItem['kind'], string> = {
  function: 'Function',
  class: 'Class',
  interface: 'Interface',
  type: 'Type',
  enum: 'Enum',
  'enum-member': 'Enum member',
  variable: 'Export',
  namespace: 'Namespace',
  method: 'Method',
  property: 'Property',
  constructor: 'Constructor'
}

function where(item: SurfaceItem): string {
  return `${item.file}:${item.line}`
}

/** One break as a change of the perspective. */
/** Where a change is shown: the declaration at HEAD when it is there, else the old one at the base. */
function placeOf(
  before: SurfaceItem,
  after: SurfaceItem | undefined,
  lookedFor: string
): Change['place'] {
  return after && after.file && after.line > 0
    ? {
        head: {
          file: after.file,
          loc: { startLine: after.line, endLine: after.line, startColumn: 0, endColumn: 0 }
        }
      }
    : { base: { file: before.file, line: before.line, lookedFor } }
}

export function surfaceChange(found: SurfaceBreak, ref: string, advice: string): Change {
  const { before, after } = found
  const entry = before.subpath
  const data = {
    what: WHAT[before.kind],
    name: before.name,
    entry,
    reason: found.reason,
    consequence: found.consequence,
    before: declarationOf(before),
    after: after ? declarationOf(after) : '',
    baseWhere: where(before),
    headWhere: after ? where(after) : '',
    afterText: after ? ` (\`${declarationOf(after)}\`, ${where(after)})` : '',
    ref,
    advice
  }
  const removal = found.kind === 'removed'
  if (found.review)
    return {
      messageId: 'apiNote',
      data,
      severity: 'low',
      confidence: 'low',
      rationale: `Compared the JSDoc types at ${ref} with the declarations at HEAD: a JSDoc type in JavaScript is documentation that no user's compiler checked, so a changed one is a note for review, not a break.`,
      key: `api:${entry}:${before.name}`,
      symbol: before.name,
      place: placeOf(
        before,
        after,
        `${before.name} (${declarationOf(before)}) at ${ref}, and at HEAD`
      ),
      bump: 'none'
    }
  return {
    messageId: removal ? 'apiRemoved' : 'apiChanged',
    data,
    severity: 'high',
    confidence: found.confidence,
    rationale: removal
      ? `Read from the package's entry points with the TypeScript compiler at ${ref} and at HEAD (declarations first, they are the contract); inherited members count as present, so a member moved to a base class is not removed.`
      : `Compared the declarations at ${ref} and at HEAD: a parameter made required or narrowed, or a return type widened, breaks callers; widened parameters and narrowed returns do not. ${found.confidence === 'medium' ? 'The two types are not comparable by their unions, so whether old values still fit needs a look (medium confidence).' : ''}`.trim(),
    key: `api:${entry}:${before.name}${found.keySuffix ?? ''}`,
    symbol: before.name,
    place: placeOf(
      before,
      after,
      `${before.name} (${declarationOf(before)}) exported by the package entry ${entry} at ${ref}, and at HEAD`
    ),
    bump: 'major'
  }
}
