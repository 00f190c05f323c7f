import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Perspective } from '../../perspectives/define.js'
import { PERSPECTIVES } from '../../perspectives/index.js'
import { PERSPECTIVE_MARKERS, README_MARKERS, readSection } from '../../src/docs/markers.js'
import { perspectiveHeader, perspectivesTable } from '../../src/docs/perspectives-table.js'
import { checkDocs, writeDocs } from '../../src/docs/write.js'

let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'docs-'))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

const readme = (text: string): void => writeFileSync(join(root, 'README.md'), text)
const read = (path: string): string => readFileSync(join(root, path), 'utf8')
const allPerspectiveReadmes = PERSPECTIVES.map((p) => `perspectives/${p.meta.id}/README.md`)

describe('writeDocs', () => {
  it('fills the README section between the markers and keeps the text around it', () => {
    readme(`# Tool\n\nIntro.\n\n${README_MARKERS.start}\nstale table\n${README_MARKERS.end}\n\n## Later\n\nMore.\n`)
    const { changed } = writeDocs(root)
    expect(changed).toEqual(['README.md', ...allPerspectiveReadmes])
    const text = read('README.md')
    expect(text.startsWith('# Tool\n\nIntro.\n\n')).toBe(true)
    expect(text.endsWith('\n\n## Later\n\nMore.\n')).toBe(true)
    expect(readSection(text, README_MARKERS)).toBe(`\n${perspectivesTable(PERSPECTIVES)}\n`)
    expect(text).not.toContain('stale table')
  })

  it('appends a section to a README that has no markers, and leaves a missing README alone', () => {
    readme('# Tool\n')
    writeDocs(root)
    expect(read('README.md')).toBe(`# Tool\n\n## The 15 perspectives\n\n${README_MARKERS.start}\n${perspectivesTable(PERSPECTIVES)}\n${README_MARKERS.end}\n`)
    rmSync(join(root, 'README.md'))
    expect(writeDocs(root).changed).toEqual([])
    expect(existsSync(join(root, 'README.md'))).toBe(false)
  })

  it('creates each perspective README with its generated head, and says when the analysis lands', () => {
    writeDocs(root)
    for (const p of PERSPECTIVES) {
      const text = read(`perspectives/${p.meta.id}/README.md`)
      expect(readSection(text, PERSPECTIVE_MARKERS)).toBe(`\n${perspectiveHeader(p)}\n`)
      expect(text.includes('lands with its own issue')).toBe(!p.meta.implemented)
    }
  })

  it('keeps human text in a perspective README and adds the head to one without markers', () => {
    const dir = join(root, 'perspectives', 'scope')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'README.md'), '## Risk score\n\nHand-written.\n')
    mkdirSync(join(root, 'perspectives', 'security'))
    writeFileSync(
      join(root, 'perspectives', 'security', 'README.md'),
      `Above.\n${PERSPECTIVE_MARKERS.start}\nold\n${PERSPECTIVE_MARKERS.end}\nBelow.\n`
    )
    writeDocs(root)
    const scope = read('perspectives/scope/README.md')
    expect(scope.startsWith(`${PERSPECTIVE_MARKERS.start}\n`)).toBe(true)
    expect(scope.endsWith(`${PERSPECTIVE_MARKERS.end}\n\n## Risk score\n\nHand-written.\n`)).toBe(true)
    const security = read('perspectives/security/README.md')
    expect(security.startsWith('Above.\n')).toBe(true)
    expect(security.endsWith('\nBelow.\n')).toBe(true)
    expect(security).not.toContain('\nold\n')
  })

  it('is idempotent', () => {
    readme(`# Tool\n${README_MARKERS.start}\n${README_MARKERS.end}\n`)
    writeDocs(root)
    const before = [read('README.md'), ...allPerspectiveReadmes.map(read)]
    expect(writeDocs(root).changed).toEqual([])
    expect([read('README.md'), ...allPerspectiveReadmes.map(read)]).toEqual(before)
  })
})

describe('checkDocs', () => {
  it('lists missing and stale files, and nothing once they are written', () => {
    readme(`# Tool\n${README_MARKERS.start}\n${README_MARKERS.end}\n`)
    expect(checkDocs(root)).toEqual(['README.md', ...allPerspectiveReadmes])
    writeDocs(root)
    expect(checkDocs(root)).toEqual([])
    // A hand edit inside the generated block is stale; one outside it is not.
    const path = 'perspectives/ci-cd/README.md'
    writeFileSync(join(root, path), read(path).replace('Do tests run automatically and well?', 'Edited by hand?'))
    writeFileSync(join(root, 'perspectives/security/README.md'), `${read('perspectives/security/README.md')}\nNotes.\n`)
    expect(checkDocs(root)).toEqual([path])
    // Removing the README's markers makes it stale too.
    readme('# Tool\n')
    expect(checkDocs(root)).toEqual(['README.md', path])
  })
})

describe('option tables', () => {
  it('are stale once a schema changes (a default, a range or a new option), and current after writeDocs', () => {
    writeDocs(root)
    expect(checkDocs(root)).toEqual([])
    const scope = PERSPECTIVES[0]
    const changed: Perspective<string, any> = {
      ...scope,
      options: {
        ...scope.options,
        properties: {
          ...scope.options.properties,
          maxSpecs: { type: 'integer', minimum: 0, default: 3, description: 'Most smoke specs.' }
        }
      }
    }
    const registry = [changed, ...PERSPECTIVES.slice(1)]
    expect(checkDocs(root, registry)).toEqual(['perspectives/scope/README.md'])
    writeDocs(root, registry)
    expect(read('perspectives/scope/README.md')).toContain(
      '| `maxSpecs` | a whole number of at least 0 | <code>3</code> |'
    )
    expect(checkDocs(root, registry)).toEqual([])
  })
})
