// Parses Python source held in a test and runs the extractor on it.
import { extractPython } from '../../src/model/extract/python.js'
import { createParser } from '../../src/model/tree-sitter.js'
import type { ModuleModel } from '../../src/model/types.js'

export async function extractPy(
  text: string,
  isTest = false,
  path = 'pkg/mod.py'
): Promise<ModuleModel> {
  const parser = await createParser('python')
  const tree = parser.parse(text)
  if (!tree) throw new Error('tree-sitter returned no tree')
  return extractPython(
    { path, language: 'python', bytes: Buffer.byteLength(text), text },
    tree,
    isTest
  )
}

/** Source from lines, so tests can say which line holds what. */
export const lines = (...rows: string[]): string => `${rows.join('\n')}\n`
