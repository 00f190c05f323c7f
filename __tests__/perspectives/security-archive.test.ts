// Zip slip: the names of an archive's entries are input (whoever made the archive chose them), in modules
// that import an archive reader. Each planted extraction is asserted by file and line; the guarded forms
// beside it (a containment check after resolving, the base name only) must not be reported.
import security from '../../perspectives/security/index.js'
import { checkRun, readFixture, runFixture } from './harness.js'

const archiveTs = readFixture('security-archive-ts')
const archivePy = readFixture('security-archive-py')

const placeOf = (r: Awaited<ReturnType<typeof runFixture>>) =>
  r.run.findings.map((f) => [f.messageId, f.file, f.startLine, f.symbol, f.confidence])

describe('security: archive entry names', () => {
  it('JavaScript: an entry name joined onto the output folder and written through a promisified fs', async () => {
    const result = await runFixture(security, archiveTs)
    expect(placeOf(result)).toEqual([
      ['pathTraversal', 'src/extract.js', 14, 'extractAll', 'medium']
    ])
    expect(result.run.findings[0].title).toContain('archive entry name file.path')
    expect(result.run.findings[0].message).toContain('file.path → dest = join(…) → fsP.writeFile')
    expect(checkRun(result)).toEqual([])
  })

  it('Python: a tar member name joined onto the destination and opened for writing', async () => {
    const result = await runFixture(security, archivePy)
    expect(placeOf(result)).toEqual([
      ['pathTraversal', 'unpack/__init__.py', 11, 'extract_tar', 'medium']
    ])
    expect(result.run.findings[0].title).toContain('archive entry name member.name')
    expect(checkRun(result)).toEqual([])
  })

  it('a file.path outside a module that reads archives is not an input', async () => {
    const files = {
      'package.json': '{ "name": "copier", "version": "1.0.0", "type": "module" }',
      'src/copy.js': [
        "import path from 'node:path'",
        "import fs from 'node:fs'",
        'export function copyAll(files, output) {',
        '  for (const file of files) fs.writeFileSync(path.join(output, file.path), file.data)',
        '}',
        ''
      ].join('\n')
    }
    const result = await runFixture(security, files)
    expect(result.run.findings.filter((f) => f.messageId === 'pathTraversal')).toEqual([])
  })
})
