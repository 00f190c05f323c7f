// Turns a perspective's SpecDraft into a TestSpec: a stable id, the framework and language it is
// written for, a suggested file name in the target's conventions, and the code.
//
// The module under test decides the language family when it disagrees with the repository's target:
// a Python module in a TypeScript repository gets a pytest spec, a JavaScript module in a Python
// repository gets a node:test spec (zero dependencies), because code in one language cannot import
// the other.
import { shortHash } from '../util/hash.js'
import { moduleLanguage, suggestTestFile } from './paths.js'
import { renderJest } from './renderers/jest.js'
import { renderMocha } from './renderers/mocha.js'
import { renderNodeTest } from './renderers/node-test.js'
import { renderPytest } from './renderers/pytest.js'
import { headerLines } from './renderers/shared.js'
import { renderVitest } from './renderers/vitest.js'
import type { RenderStats } from './renderers/js.js'
import type { FileSpecBody, RenderTarget, SpecDraft, TestSpec } from './types.js'

export function renderSpec(
  draft: SpecDraft,
  target: RenderTarget,
  perspectiveId: string
): TestSpec {
  const { key, body, ...kept } = draft
  const id = `${perspectiveId}/spec/${shortHash(key)}`
  const common = { ...kept, target: { ...kept.target }, covers: [...kept.covers], id }
  if (body.kind === 'file') {
    return {
      ...common,
      framework: 'none',
      language: body.language,
      fileName: body.fileName,
      code: renderFile(body, draft, perspectiveId)
    }
  }
  const subjectPath = body.kind === 'call' ? body.module : (body.module ?? draft.target.file)
  const symbol = body.kind === 'call' ? body.symbol : draft.target.symbol
  const effective = effectiveTarget(target, subjectPath)
  const fileName = suggestTestFile(
    effective.framework,
    effective.language,
    subjectPath,
    symbol,
    perspectiveId,
    effective.layout
  )
  const stats = { tests: 0, todos: 0 }
  const code = renderCode(draft, effective, perspectiveId, fileName, stats)
  return {
    ...common,
    framework: effective.framework,
    language: effective.language,
    fileName,
    code,
    // Nothing the project runs would collect it (a single loader file, a runner specs are not written for).
    planOnly: stats.tests === 0 || !!effective.layout?.collectsNoSpec
  }
}

/** The target after the module's own language has had its say (see the header). */
export function effectiveTarget(target: RenderTarget, subjectPath: string): RenderTarget {
  const adjusted = languageTarget(target, subjectPath)
  // The layout describes the project's own runner: it applies only while the target is that runner.
  const { layout } = target
  if (layout && (adjusted.framework !== layout.framework || adjusted.language !== layout.language))
    return { framework: adjusted.framework, language: adjusted.language }
  return adjusted
}

function languageTarget(target: RenderTarget, subjectPath: string): RenderTarget {
  const language = moduleLanguage(subjectPath)
  if (language === 'python' && target.language !== 'python')
    return { framework: 'pytest', language: 'python' }
  if ((language === 'typescript' || language === 'javascript') && target.framework === 'pytest') {
    return { framework: 'node:test', language }
  }
  if (target.framework === 'pytest' && target.language !== 'python')
    return { framework: 'pytest', language: 'python' }
  if (target.framework !== 'pytest' && target.language === 'python')
    return { ...target, language: 'javascript' }
  return target
}

function renderCode(
  draft: SpecDraft,
  target: RenderTarget,
  perspectiveId: string,
  fileName: string,
  stats: RenderStats
): string {
  const layout = target.layout
  if (target.framework === 'pytest')
    return renderPytest({
      draft,
      perspectiveId,
      fileName,
      stats,
      ...(layout
        ? {
            pythonRoots: layout.pythonRoots,
            ...(layout.packages ? { packages: layout.packages } : {}),
            ...(layout.optionalImports ? { optionalImports: layout.optionalImports } : {})
          }
        : {})
    })
  const input = {
    draft,
    perspectiveId,
    fileName,
    language: target.language as 'typescript' | 'javascript',
    stats,
    ...(layout ? { layout } : {})
  }
  switch (target.framework) {
    case 'jest':
      return renderJest(input)
    case 'vitest':
      return renderVitest(input)
    case 'node:test':
      return renderNodeTest(input)
    case 'mocha':
      return renderMocha(input)
  }
}

const COMMENT_PREFIX: Record<FileSpecBody['language'], string | null> = {
  yaml: '#',
  python: '#',
  javascript: '//',
  typescript: '//',
  text: null
}

/** The content as written, after the header comment (a `#!` line stays first). */
function renderFile(body: FileSpecBody, draft: SpecDraft, perspectiveId: string): string {
  const prefix = COMMENT_PREFIX[body.language]
  if (prefix === null) return body.content
  const header = headerLines(prefix, draft, perspectiveId).join('\n')
  if (body.content.startsWith('#!')) {
    const newline = body.content.indexOf('\n')
    if (newline === -1) return `${body.content}\n${header}\n`
    return `${body.content.slice(0, newline + 1)}${header}\n${body.content.slice(newline + 1)}`
  }
  return `${header}\n${body.content}`
}
