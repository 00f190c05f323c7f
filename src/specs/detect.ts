// Which test framework and language the target repository's specs are written for.
//
// Override format: `<framework>[:<language>]`, framework one of jest, vitest, node:test (or
// node-test), mocha, pytest; language ts|typescript|js|javascript (pytest is always Python). Without
// a language the detected one is used. Examples: `vitest`, `jest:js`, `node:test:ts`, `pytest`.
//
// Detection: the language family first (the language of the tests when the other family has no tests and
// no manifest; else Python when Python has more lines than JavaScript/TypeScript among the modules, tests
// included; with no source at all the manifests decide), then the project's
// test layout (layout.ts: the runner from test scripts, config files, dependencies and, as the
// tie-breaker, the test files' style; language, module system, placement and imports from the tests).
// Defaults: JavaScript/TypeScript -> node:test (needs nothing installed); Python -> pytest; no
// recognisable source -> node:test with JavaScript, the one choice that runs with Node alone.
import type { ModuleModel, RepositoryFacts } from '../model/types.js'
import { ConfigurationError } from '../util/errors.js'
import { detectLayout } from './layout.js'
import type { RenderTarget, SpecLanguage, TestFramework } from './types.js'

export interface DetectedTarget {
  target: RenderTarget
  /** One sentence on why, for the log and the summary. */
  reason: string
}

const FRAMEWORK_ALIASES: Record<string, TestFramework> = {
  jest: 'jest',
  vitest: 'vitest',
  'node:test': 'node:test',
  'node-test': 'node:test',
  mocha: 'mocha',
  pytest: 'pytest'
}
const LANGUAGE_ALIASES: Record<string, SpecLanguage> = {
  ts: 'typescript',
  typescript: 'typescript',
  js: 'javascript',
  javascript: 'javascript'
}
export const ACCEPTED_OVERRIDES =
  'jest, vitest, node:test, mocha or pytest, optionally followed by :ts or :js (e.g. "vitest:ts", "node:test:js")'

export function detectTarget(
  facts: RepositoryFacts,
  modules: ModuleModel[],
  override?: string
): RenderTarget {
  return detectTargetWithReason(facts, modules, override).target
}

export function detectTargetWithReason(
  facts: RepositoryFacts,
  modules: ModuleModel[],
  override?: string
): DetectedTarget {
  const wanted = override?.trim()
  if (!wanted) return detect(facts, modules)
  const parsed = parseOverride(wanted)
  const reason = `set by the input: ${wanted}`
  const detected = detect(facts, modules, { ...parsed, reason })
  if (parsed.framework === 'pytest')
    return { target: { ...detected.target, framework: 'pytest', language: 'python' }, reason }
  const language =
    parsed.language ??
    (detected.target.language === 'python' ? 'javascript' : detected.target.language)
  const layout = detected.target.layout
  return {
    target: {
      framework: parsed.framework,
      language,
      ...(layout && layout.framework === parsed.framework ? { layout } : {})
    },
    reason
  }
}

/** Parses `<framework>[:<language>]`; a bad value is a ConfigurationError listing what is accepted. */
export function parseOverride(value: string): {
  framework: TestFramework
  language?: SpecLanguage
} {
  const text = value.trim().toLowerCase()
  const colon = text.lastIndexOf(':')
  const suffix = colon >= 0 ? text.slice(colon + 1) : ''
  let frameworkText = text
  let language: SpecLanguage | undefined
  if (colon >= 0 && suffix in LANGUAGE_ALIASES) {
    frameworkText = text.slice(0, colon)
    language = LANGUAGE_ALIASES[suffix]
  }
  const framework = FRAMEWORK_ALIASES[frameworkText]
  if (!framework) {
    throw new ConfigurationError(
      `Unknown test framework "${value}". Accepted: ${ACCEPTED_OVERRIDES}.`
    )
  }
  if (framework === 'pytest' && language !== undefined) {
    throw new ConfigurationError(
      `"${value}": pytest specs are always Python; write "pytest" without a language.`
    )
  }
  return language ? { framework, language } : { framework }
}

function detect(
  facts: RepositoryFacts,
  modules: ModuleModel[],
  forced?: { framework: TestFramework; language?: SpecLanguage; reason: string }
): DetectedTarget {
  let jsLines = 0
  let pyLines = 0
  for (const m of modules) {
    if (m.language === 'python') pyLines += m.lines
    else if (
      m.language === 'typescript' ||
      m.language === 'tsx' ||
      m.language === 'javascript' ||
      m.language === 'jsx'
    )
      jsLines += m.lines
  }
  const packageJsons = facts.manifests.filter((m) => m.kind === 'package.json')
  const pythonManifests = facts.manifests.filter((m) =>
    ['pyproject.toml', 'setup.cfg', 'setup.py', 'requirements'].includes(m.kind)
  )
  const isJs = (m: ModuleModel): boolean =>
    ['typescript', 'tsx', 'javascript', 'jsx'].includes(m.language)
  const pyTests = modules.filter((m) => m.isTest && m.language === 'python').length
  const jsTests = modules.filter((m) => m.isTest && isJs(m)).length
  let family: 'js' | 'python' | null = null
  // The tests' language decides before line counts, when the other family has neither tests nor a
  // manifest: buku's pytest suite beside a 14,000-line browser bundle (Chart.js) is a Python project.
  const pythonByTests = pyTests > 0 && jsTests === 0 && packageJsons.length === 0
  if (pythonByTests) family = 'python'
  else if (jsTests > 0 && pyTests === 0 && pythonManifests.length === 0) family = 'js'
  else if (pyLines > jsLines) family = 'python'
  else if (jsLines > 0) family = 'js'
  else if (packageJsons.length > 0) family = 'js'
  else if (pythonManifests.length > 0) family = 'python'

  if (family === null && !forced) {
    const layout = detectLayout(facts, modules, null)
    const reason = 'no JavaScript, TypeScript or Python source found; node:test needs only Node'
    return {
      target: {
        framework: 'node:test',
        language: 'javascript',
        layout: { ...layout, language: 'javascript', extension: '.js', reason }
      },
      reason
    }
  }
  const layout = detectLayout(facts, modules, family, forced)
  const languageWhy =
    layout.language === 'python'
      ? pythonByTests && pyLines <= jsLines
        ? `its ${pyTests} test file(s) are Python (the ${jsLines} lines of JavaScript have no tests and no package.json)`
        : `mostly Python (${pyLines} lines)`
      : layout.language === 'typescript'
        ? 'TypeScript'
        : 'JavaScript'
  const reason = forced ? forced.reason : `${layout.reason}; ${languageWhy}`
  return { target: { framework: layout.framework, language: layout.language, layout }, reason }
}
