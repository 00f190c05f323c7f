// Parses a fixture (or text) in one of the generic languages and runs the generic extractor.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { extractGeneric } from '../../src/model/extract/generic.js'
import { createParser, type GrammarName } from '../../src/model/tree-sitter.js'
import type { Language, ModuleModel } from '../../src/model/types.js'

export const GRAMMAR: Record<string, GrammarName> = {
  go: 'go',
  java: 'java',
  rust: 'rust',
  ruby: 'ruby',
  csharp: 'c-sharp',
  php: 'php'
}

export async function extractText(
  language: Language,
  text: string,
  isTest = false,
  path = 'x'
): Promise<ModuleModel> {
  const parser = await createParser(GRAMMAR[language])
  const tree = parser.parse(text)
  if (!tree) throw new Error('tree-sitter returned no tree')
  return extractGeneric({ path, language, bytes: Buffer.byteLength(text), text }, tree, isTest)
}

export async function extractFixture(
  language: Language,
  file: string,
  isTest = false
): Promise<ModuleModel> {
  const text = readFileSync(
    join(process.cwd(), '__tests__', 'fixtures', 'model-generic', file),
    'utf8'
  )
  return extractText(language, text, isTest, file)
}
