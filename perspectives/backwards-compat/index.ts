// Perspective 6: Backwards compatibility. What breaks for existing users? Compares the public API of
// the base (the base-ref input, the latest semver tag, or the commit analysed last time; the engine
// reads it with git) with HEAD: removed exports, members and types, stricter signatures, package.json
// and pyproject entry points, engines and commands, command-line options; the semver bump they need
// against the version change made; API contract specs. How it decides is documented in README.md.
import { classOf } from '../../src/model/surface.js'
import { definePerspective } from '../define.js'
import { createQuoter, splitLines } from '../shared/evidence.js'
import { findingId } from '../contract.js'
import type {
  AnalyseContext,
  CodeEvidence,
  FindingDraft,
  Metrics,
  RepositoryEvidence
} from '../types.js'
import { type ApiItem, declaresExports, entryFiles, isEntryModule, publicApi } from './api.js'
import { cliOptions } from './cli.js'
import { type Change, compareApi } from './compare.js'
import {
  compareManifests,
  versionChange,
  withSetupPyFacts,
  type VersionChange
} from './manifest.js'
import { type BackwardsCompatMessageId, MESSAGES } from './messages.js'
import { type BackwardsCompatOptions, OPTIONS } from './options.js'
import { buildReport } from './report.js'
import { buildSpecs, type SpecSubject } from './specs.js'
import { buildApiReport } from './api-report.js'
import { rootManifest, scriptSurface, semverAdvice, surfaceChange } from './script-surface.js'
import { diffSurfaces } from './surface-diff.js'
import { implementationBreaks } from './implementation-diff.js'
import { withoutValuelessClasses } from './valueless-classes.js'
import { esmEntryChanges } from './esm-entry.js'
import { removedModules } from './removed-modules.js'
import { publicScriptFile } from './public-files.js'
import { bySeverityThenPlace, finishFindings, perKindMetrics } from '../kit/index.js'
import { isUntested, reachFacts } from '../shared/test-reach.js'
import { testCallsOf } from '../shared/test-calls.js'

export type { BackwardsCompatOptions } from './options.js'

const ID = 'backwards-compat'
const BUMP_RANK = { none: 0, patch: 1, minor: 2, major: 3 } as const

type Context = AnalyseContext<BackwardsCompatOptions>

function fill(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(data[name] ?? ''))
}

/** The first lines of a declaration, for comparing `.d.ts` declarations as written. */
function declarationLines(text: string | undefined, item: ApiItem): string | undefined {
  if (text === undefined) return undefined
  const lines = splitLines(text)
  return lines
    .slice(item.loc.startLine - 1, Math.min(item.loc.endLine, item.loc.startLine + 3))
    .map((l) => l.trim())
    .join(' ')
    .slice(0, 300)
}

function evidenceFor(
  change: Change,
  context: Context,
  ref: string,
  baseSource: ((path: string) => string | undefined) | undefined
): CodeEvidence | RepositoryEvidence {
  const place = change.place
  if ('head' in place) {
    if (context.source?.(place.head.file) !== undefined)
      return createQuoter(context).evidence(place.head.file, place.head.loc)
    return {
      lookedFor: `${change.symbol ?? change.key} in ${place.head.file} at HEAD`,
      where: [`${place.head.file}:${place.head.loc.startLine} at HEAD`]
    }
  }
  const { file, line, lookedFor } = place.base
  const text = line > 0 ? baseSource?.(file) : undefined
  const quoted = text !== undefined ? (splitLines(text)[line - 1] ?? '').trim().slice(0, 200) : ''
  return {
    lookedFor,
    where: [
      line > 0 ? `${file}:${line} at ${ref}${quoted ? `: ${quoted}` : ''}` : `${file} at ${ref}`,
      `${file} at HEAD`
    ]
  }
}

/**
 * Names written as string literals in HEAD's JavaScript entry modules, for exports defined at run
 * time; and, keyed `file#name`, the names a Python module's `__getattr__` compares against.
 */
function dynamicExports(model: AnalyseContext<unknown>['model']): Map<string, string> {
  const named = entryFiles(model)
  const found = new Map<string, string>()
  for (const module of model.modules) {
    if (module.isTest) continue
    if (module.language === 'python') {
      for (const literal of module.strings) {
        if (literal.enclosing === '__getattr__' && /^[A-Za-z_]\w*$/.test(literal.value))
          found.set(`${module.path}#${literal.value}`, module.path)
      }
      // `from .exceptions import ParseError` in a package's `__init__.py` (or a name `__all__` lists):
      // the module still offers what it imports from the package (iniconfig 2, judged no break). So
      // does any module that imports a name under another (pathspec 1's `from .gitignore import
      // GitIgnorePatternError as GitWildMatchPatternError`, kept for backward compatibility).
      const init = module.path === '__init__.py' || module.path.endsWith('/__init__.py')
      for (const imp of module.imports) {
        if (imp.kind !== 'python' || !imp.resolved) continue
        for (const { imported, local } of imp.names)
          if (
            local !== '*' &&
            (module.all
              ? module.all.includes(local)
              : (init || imported !== local) && !local.startsWith('_'))
          )
            found.set(`${module.path}#${local}#import`, imp.resolved)
      }
      continue
    }
    if (!isEntryModule(module, named)) continue
    for (const literal of module.strings) {
      if (/^[A-Za-z_$][\w$]*$/.test(literal.value) && !found.has(literal.value))
        found.set(literal.value, module.path)
    }
  }
  return found
}

function requiredBump(changes: Change[], additions: number): 'major' | 'minor' | 'patch' {
  if (changes.some((c) => c.bump === 'major')) return 'major'
  return additions > 0 || changes.length > 0 ? 'minor' : 'patch'
}

function bumpFinding(
  version: VersionChange,
  required: 'major' | 'minor' | 'patch',
  breaking: number,
  ref: string
): Change | null {
  if (version.actual === 'unknown' || version.actual === 'lower') return null
  if (BUMP_RANK[version.actual] >= BUMP_RANK[required]) return null
  const [major, minor] = version.before.replace(/^v/, '').split('.').map(Number)
  const suggestion =
    required === 'major'
      ? major === 0
        ? `0.${minor + 1}.0 while below 1.0.0`
        : `${major + 1}.0.0`
      : required === 'minor'
        ? `${major}.${minor + 1}.0`
        : 'a patch release'
  const released = version.actual !== 'none'
  return {
    messageId: 'versionBumpTooSmall',
    data: {
      file: version.file,
      before: version.before,
      after: version.after,
      actual: version.actual === 'none' ? 'no version change' : version.actual,
      required,
      count: breaking === 1 ? '1 breaking change' : `${breaking} breaking changes`,
      suggestion,
      ref
    },
    severity: released ? 'high' : 'low',
    confidence: 'medium',
    rationale: released
      ? 'The version was bumped by less than the breaking changes need, so users with a caret range (^) will receive them in an update. Confidence follows the changes found (medium).'
      : 'The version has not changed yet since the base; the next release must be at least this bump. Low severity until a release is cut.',
    key: `version:${version.file}`,
    place: {
      base: {
        file: version.file,
        line: 0,
        lookedFor: `the "version" in ${version.file} at ${ref} and at HEAD`
      }
    },
    bump: 'major'
  }
}

export default definePerspective<BackwardsCompatMessageId, BackwardsCompatOptions>({
  meta: {
    number: 6,
    id: ID,
    title: 'Backwards compatibility',
    question: 'What breaks for existing users?',
    description:
      'Compares the public API at a base (the `base-ref` input, else the latest semver release made before HEAD, else the commit analysed ' +
      'last time; read with git, without a second checkout) with HEAD. JavaScript/TypeScript packages are read from their entry points ' +
      'with the TypeScript compiler (shipped `.d.ts` first): exports, members of classes, interfaces, type literals, enums, namespaces and ' +
      'the default export, inherited members, overloads, parameter optionality and types, return types; each break quotes both ' +
      'declarations and the semver advice, and the surface is written to `api.md` in the results. Also: removed or renamed exports, class members and types, required ' +
      'parameters added, parameters removed or renamed, optional made required, parameter and return types and defaults changed, ' +
      'keyword-only changes (TypeScript, JavaScript, Python with `__all__`, shipped `.d.ts` files), package.json `main`/`exports`/`type`/' +
      '`engines`/`bin` and pyproject `requires-python`/scripts, and removed command-line options (commander, yargs, argparse, click). ' +
      'Says which semver bump the changes need against the version change made, lists additions apart, and writes API contract specs ' +
      'that pin each public signature. A shallow clone or a repository without a base says how to get one instead of reporting no changes.',
    messages: MESSAGES,
    implemented: true,
    needs: ['base']
  },
  options: OPTIONS,
  async analyse(context) {
    const { options } = context
    // A package whose HEAD declares `exports` offers only its entry modules; the base is read the same way.
    const entriesOnly = declaresExports(context.model)
    const head = publicApi(context.model, entriesOnly, context.source)
    const base = context.base ?? { unavailable: 'the engine prepared no base for this run' }
    const headSurface = await scriptSurface(context.model, context.source)
    const apiReport = buildApiReport({ model: context.model, script: headSurface, items: head })
    // What the suite never runs first: a spec calling it adds coverage (measured or estimated reach).
    const facts = reachFacts(context.model)
    const byPath = new Map(context.model.modules.map((m) => [m.path, m]))
    const untested = (item: ApiItem): boolean => {
      const module = byPath.get(item.file)
      const fn = module?.functions.find((f) => f.qualifiedName === item.local)
      return module !== undefined && fn !== undefined && isUntested(facts.functionReach(module, fn))
    }
    const testCalls = testCallsOf(context.model.modules)
    // Specs pin what the package ships: a build hook or release script beside it (wtforms's hatch_build.py,
    // tooling) imports what the project's test run may not have installed, and one spec that cannot load
    // stops pytest's whole collection.
    const shipped = (item: ApiItem): boolean => {
      const c = classOf(context.model.surface, item.file)
      return c === undefined || c === 'shipped'
    }
    const topApi = [...head.values()]
      .filter(shipped)
      .sort(
        (a, b) =>
          Number(untested(b)) - Number(untested(a)) ||
          Number(b.entry) - Number(a.entry) ||
          a.file.localeCompare(b.file) ||
          a.loc.startLine - b.loc.startLine
      )
    if ('unavailable' in base) {
      const specs = buildSpecs(
        topApi.map((item) => ({ item, covers: [] })),
        context.target,
        options.maxSpecs,
        testCalls
      )
      return {
        findings: [],
        specs,
        metrics: { baseAvailable: 0, apiHead: head.size, breaking: 0, additions: 0 },
        details: {
          base: { unavailable: base.unavailable },
          apiHead: head.size,
          options,
          apiReport
        },
        report: buildReport({
          base,
          kept: [],
          total: 0,
          additions: [],
          additionsTotal: 0,
          moved: [],
          required: 'patch',
          version: null,
          apiSize: { base: 0, head: head.size },
          titles: new Map()
        })
      }
    }
    const ref = base.ref
    const baseApi = publicApi(base.model, entriesOnly, base.source)
    // When the compiler read the package's entry points at both ends, it speaks for JavaScript and
    // TypeScript (declarations, members, overloads, inheritance); the model's items stay for Python.
    const baseSurface = headSurface ? await scriptSurface(base.model, base.source) : null
    const surfaces = headSurface && baseSurface ? { base: baseSurface, head: headSurface } : null
    // Modules the compiler reached from the entry points are its; modules it did not reach (deep
    // imports users may still make) keep the model's comparison.
    const reached = new Set(
      surfaces ? [...surfaces.base.values(), ...surfaces.head.values()].map((i) => i.file) : []
    )
    // A JavaScript file whose declaration the compiler read (index.js beside index.d.ts) and the
    // package's entry modules are described by the surface too.
    const stem = (file: string): string => file.replace(/(\.d)?\.[cm]?[jt]sx?$/, '')
    const reachedStems = new Set([...reached].map(stem))
    // An entry module only the base names (crypto-random-string 5's `browser` condition target, gone
    // at 6) is described by its subpath's declaration too: its exports are compared by subpath.
    const named = new Set([...entryFiles(context.model), ...entryFiles(base.model)])
    const theirs = (file: string): boolean =>
      surfaces !== null &&
      !/\.pyi?$/.test(file) &&
      (reachedStems.has(stem(file)) || named.has(file))
    const surfaceDiff = surfaces ? diffSurfaces(surfaces.base, surfaces.head) : null
    // The JavaScript behind declarations that did not change (prom-client 14's Pushgateway).
    const implementation = surfaces
      ? {
          base: await scriptSurface(base.model, base.source, true),
          head: await scriptSurface(context.model, context.source, true)
        }
      : null
    const hidden =
      surfaces && implementation?.base && implementation.head
        ? implementationBreaks({ base: implementation.base, head: implementation.head }, surfaces)
        : []
    const advice = semverAdvice(rootManifest(base.model)?.version)
    const modelDiff = compareApi(
      baseApi,
      head,
      ref,
      (item, at) =>
        declarationLines(
          at === 'base' ? base.source?.(item.file) : context.source?.(item.file),
          item
        ),
      dynamicExports(context.model)
    )
    // With the compiler's surface at both ends, a JavaScript file it did not reach, that package.json
    // does not name and no `exports` pattern admits is private: no user imports it (depd 1's
    // lib/compat, fast-xml-parser 3's src/*.js: judged false on held-out-5).
    const publicBase = publicScriptFile(base.model, (f) => reachedStems.has(stem(f)))
    const publicHead = publicScriptFile(context.model, (f) => reachedStems.has(stem(f)))
    const privateScript = (file: string): boolean =>
      surfaces !== null && !/\.pyi?$/.test(file) && !publicBase(file) && !publicHead(file)
    const fileOf = (c: Change): string =>
      'head' in c.place ? c.place.head.file : c.place.base.file
    // Defaults are not in declarations: the model's comparison keeps saying when one changed.
    const diff = {
      changes: modelDiff.changes.filter(
        (c) => !privateScript(fileOf(c)) && (c.messageId === 'defaultChanged' || !theirs(fileOf(c)))
      ),
      additions: modelDiff.additions.filter((a) => !theirs(a.file) && !privateScript(a.file)),
      moved: modelDiff.moved.filter((m) => !theirs(m.from) && !privateScript(m.from))
    }
    if (surfaceDiff) {
      for (const item of surfaceDiff.additions)
        diff.additions.push({ file: item.file, name: item.name, what: `${item.kind} added` })
      for (const { from, to } of surfaceDiff.moved)
        diff.moved.push({ name: from.name, from: from.file, to: `${to.name} in ${to.file}` })
    }
    const moduleChanges: Change[] = [
      ...diff.changes,
      ...(surfaceDiff && surfaces
        ? withoutValuelessClasses(surfaceDiff.breaks, surfaces, implementation?.base)
        : []
      ).map((b) => surfaceChange(b, ref, advice)),
      ...hidden.map((b) => surfaceChange(b, ref, advice)),
      ...compareManifests(
        withSetupPyFacts(base.model.facts.manifests, base.model),
        withSetupPyFacts(context.model.facts.manifests, context.model),
        ref,
        context.now
      ),
      ...esmEntryChanges(base.model, context.model, ref)
    ]
    // A module gone as a whole is one change that takes in the removals of what it exported.
    const changes = removedModules(
      base.model,
      context.model,
      moduleChanges,
      ref,
      rootManifest(context.model)?.name
    )
    const headOptions = cliOptions(context.model)
    for (const [option, found] of cliOptions(base.model)) {
      if (headOptions.has(option)) continue
      changes.push({
        messageId: 'cliOptionRemoved',
        data: { option, how: found.how, file: found.file, line: found.line, ref },
        severity: 'medium',
        confidence: 'medium',
        rationale:
          'Read from the option declarations (commander, yargs, argparse, click) at the base and at HEAD; an option declared some other way is not seen, so confidence is medium.',
        key: `cli:${option}`,
        place: {
          base: {
            file: found.file,
            line: found.line,
            lookedFor: `the command-line option ${option} declared in ${found.file} at ${ref}, and anywhere at HEAD`
          }
        },
        bump: 'major'
      })
    }
    // Notes for review (a declaration's text, a JSDoc type) are not breaking changes.
    const notBreaking = new Set(['declarationChanged', 'apiNote'])
    const breaking = changes.filter((c) => !notBreaking.has(c.messageId)).length
    const required = requiredBump(
      changes.filter((c) => !notBreaking.has(c.messageId)),
      diff.additions.length
    )
    const version = versionChange(base.model.facts.manifests, context.model.facts.manifests, {
      base: base.model,
      head: context.model
    })
    const tooSmall = version && breaking > 0 ? bumpFinding(version, required, breaking, ref) : null
    if (tooSmall) changes.push(tooSmall)

    const drafts = changes.map((change) => {
      const evidence = evidenceFor(change, context, ref, base.source)
      const draft: FindingDraft<BackwardsCompatMessageId> = {
        messageId: change.messageId,
        data: change.data,
        severity: change.severity,
        confidence: change.confidence,
        rationale: change.rationale,
        evidence,
        // A repository-level finding has no file in its id: the key carries it.
        key:
          'file' in evidence
            ? change.key
            : `${change.key}@${'base' in change.place ? change.place.base.file : ''}`,
        ...(change.symbol ? { symbol: change.symbol } : {}),
        tags: [`bump:${change.bump}`]
      }
      return draft
    })
    // Worst first, then by place: the cap keeps the most severe.
    const finished = finishFindings(
      drafts.map((draft) => ({ draft })),
      Object.keys(MESSAGES) as BackwardsCompatMessageId[],
      { maxTotal: options.maxFindings, rank: bySeverityThenPlace }
    )
    const kept = finished.kept.map((f) => f.draft)
    const perKind = finished.perKind
    const titles = new Map(
      kept.map((d) => [d as FindingDraft, fill(MESSAGES[d.messageId].title, d.data)])
    )

    // Contract specs: the items whose signature changed (covering those findings), then the top public API.
    const covers = new Map<string, string[]>()
    for (const d of kept) {
      if (!('file' in d.evidence) || !d.symbol) continue
      const list = covers.get(`${d.evidence.file}#${d.symbol}`) ?? []
      list.push(findingId(ID, d.messageId, d.evidence.file, d.key))
      covers.set(`${d.evidence.file}#${d.symbol}`, list)
    }
    const subjects: SpecSubject[] = [
      ...[...covers].flatMap(([key, ids]) =>
        head.has(key) && shipped(head.get(key) as ApiItem)
          ? [{ item: head.get(key) as ApiItem, covers: ids }]
          : []
      ),
      ...topApi.filter((item) => !covers.has(item.key)).map((item) => ({ item, covers: [] }))
    ]
    const specs = buildSpecs(subjects, context.target, options.maxSpecs, testCalls)

    const metrics: Metrics = {
      baseAvailable: 1,
      apiBase: baseApi.size,
      apiHead: head.size,
      breaking,
      additions: diff.additions.length,
      moved: diff.moved.length
    }
    Object.assign(metrics, perKindMetrics(perKind))
    const additions = diff.additions.slice(0, options.maxAdditions)
    return {
      findings: kept,
      specs,
      metrics,
      details: {
        base: { ref, commit: base.commit ?? null, how: base.how ?? null },
        requiredBump: required,
        version,
        perKind,
        shown: kept.length,
        total: drafts.length,
        additions,
        additionsTotal: diff.additions.length,
        moved: diff.moved.slice(0, options.maxAdditions),
        surface: surfaces ? { base: surfaces.base.size, head: surfaces.head.size } : null,
        options,
        apiReport
      },
      report: buildReport({
        base: { ref, commit: base.commit, how: base.how },
        kept,
        total: drafts.length,
        additions,
        additionsTotal: diff.additions.length,
        moved: diff.moved,
        required,
        version,
        apiSize: { base: baseApi.size, head: head.size },
        titles
      })
    }
  }
})
