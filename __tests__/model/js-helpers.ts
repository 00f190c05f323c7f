// Parses a snippet with the real grammar and runs the JavaScript/TypeScript extractor on it.
import { extractJavaScript } from '../../src/model/extract/javascript.js'
import { createParser, type GrammarName } from '../../src/model/tree-sitter.js'
import type { Language, ModuleModel } from '../../src/model/types.js'

const GRAMMARS: Record<string, GrammarName> = {
  typescript: 'typescript',
  tsx: 'tsx',
  javascript: 'javascript',
  jsx: 'javascript'
}

export async function extractSnippet(
  code: string,
  options: { language?: Language; path?: string; isTest?: boolean } = {}
): Promise<ModuleModel> {
  const language = options.language ?? 'typescript'
  const parser = await createParser(GRAMMARS[language])
  const tree = parser.parse(code)
  if (!tree) throw new Error('parse returned no tree')
  try {
    return extractJavaScript(
      {
        path:
          options.path ??
          `snippet.${language === 'typescript' ? 'ts' : language === 'tsx' ? 'tsx' : 'js'}`,
        language,
        bytes: Buffer.byteLength(code),
        text: code
      },
      tree,
      options.isTest ?? false
    )
  } finally {
    tree.delete()
    parser.delete()
  }
}
