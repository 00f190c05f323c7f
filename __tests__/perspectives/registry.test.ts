// The registry, the folders, the docs and the tests must agree (as typescript-eslint checks its rules).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { checkDocs } from '../../src/docs/write.js'
import { PERSPECTIVE_IDS } from '../../perspectives/types.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const perspectivesDir = join(root, 'perspectives')

/** Whether a test file calls testPerspective(...) (read with the TypeScript parser). */
function callsTestPerspective(path: string): boolean {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true)
  let found = false
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'testPerspective'
    )
      found = true
    if (!found) ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** Folders under perspectives/ that are not perspectives. */
const NOT_PERSPECTIVES = new Set(['shared', 'kit'])

describe('perspective registry', () => {
  it('lists the 15 perspectives numbered 1..15 in order, with the ids of PERSPECTIVE_IDS', () => {
    expect(PERSPECTIVES).toHaveLength(15)
    expect(PERSPECTIVES.map((p) => p.meta.number)).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 1)
    )
    expect(PERSPECTIVES.map((p) => p.meta.id)).toEqual([...PERSPECTIVE_IDS])
  })

  it('gives every perspective a title, a question, a description and consistent messages', () => {
    for (const { meta } of PERSPECTIVES) {
      expect([
        meta.id,
        meta.title.trim().length > 0,
        meta.question.trim().endsWith('?'),
        meta.description.length > 40
      ]).toEqual([meta.id, true, true, true])
      for (const [id, template] of Object.entries(meta.messages)) {
        expect([
          meta.id,
          id,
          /^[a-z][A-Za-z0-9]*$/.test(id),
          template.title.trim() !== '',
          template.message.trim() !== ''
        ]).toEqual([meta.id, id, true, true, true])
      }
      // An implemented perspective reports through message ids, never free text.
      if (meta.implemented)
        expect([meta.id, Object.keys(meta.messages).length]).not.toEqual([meta.id, 0])
    }
  })

  it('has a folder with index.ts and README.md for every perspective and no other folders', () => {
    const folders = readdirSync(perspectivesDir)
      .filter(
        (name) => statSync(join(perspectivesDir, name)).isDirectory() && !NOT_PERSPECTIVES.has(name)
      )
      .sort()
    expect(folders).toEqual([...PERSPECTIVE_IDS].sort())
    const missing = PERSPECTIVE_IDS.flatMap((id) =>
      ['index.ts', 'README.md']
        .filter((file) => !existsSync(join(perspectivesDir, id, file)))
        .map((file) => `perspectives/${id}/${file}`)
    )
    expect(missing).toEqual([])
  })

  it('keeps every README head in step with the metadata (npm run docs)', () => {
    expect(checkDocs(root).filter((path) => path.startsWith('perspectives/'))).toEqual([])
  })

  it('has a test file for every implemented perspective', () => {
    const missing = PERSPECTIVES.filter((p) => p.meta.implemented)
      .map((p) => `__tests__/perspectives/${p.meta.id}.test.ts`)
      .filter((path) => !existsSync(join(root, path)))
    expect(missing).toEqual([])
  })

  it('tests every implemented perspective through the harness (a case list per message id)', () => {
    const around = PERSPECTIVES.filter((p) => p.meta.implemented)
      .map((p) => p.meta.id)
      .filter(
        (id) => !callsTestPerspective(join(root, '__tests__', 'perspectives', `${id}.test.ts`))
      )
    expect(around).toEqual([])
  })
})
