// Builds dist/: one ncc bundle per entry point (the action and the CLI), plus the files ncc must not
// touch (web-tree-sitter's runtime and the grammar .wasm files, loaded by file URL at run time).
// `--bench` builds the benchmark instead, into the git-ignored .tmp/bench/ (`npm run bench`): no
// runner needs it, so it stays out of the committed tree.
import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bench = process.argv.includes('--bench')
const dist = join(root, bench ? '.tmp/bench' : 'dist')
const entries = bench ? { bench: 'src/bench.ts' } : { index: 'src/index.ts', cli: 'src/cli.ts' }
const grammars = [
  'typescript',
  'tsx',
  'javascript',
  'python',
  'go',
  'java',
  'rust',
  'ruby',
  'c-sharp',
  'php'
]

rmSync(dist, { recursive: true, force: true })
mkdirSync(join(dist, 'grammars'), { recursive: true })
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
for (const [name, entry] of Object.entries(entries)) {
  if (!existsSync(join(root, entry))) continue
  const out = join(root, '.tmp', 'ncc', name)
  rmSync(out, { recursive: true, force: true })
  execFileSync(
    process.execPath,
    [ncc, 'build', entry, '-o', out, '--quiet', '--target', 'es2022'],
    { cwd: root, stdio: 'inherit' }
  )
  const renamed = []
  for (const file of readdirSync(out)) {
    if (file === 'package.json' || file === 'index.js') continue
    // Chunks split off at dynamic imports (e.g. @huggingface/hub's sha256 helpers, the TypeScript
    // compiler) are loaded from beside the bundle. Chunk names are derived from module paths, so
    // entries share them; when an entry's chunk differs from another's under the same name (module
    // ids are shorter in a smaller bundle), it gets its own file, `<entry>-<chunk>`, and the entry's
    // chunk loader is pointed at it.
    if (!/^\d+\.index\.js$/.test(file))
      throw new Error(`ncc emitted an unexpected file ${file} for ${entry}`)
    const code = readFileSync(join(out, file), 'utf8')
    let target = join(dist, file)
    if (existsSync(target) && readFileSync(target, 'utf8') !== code) {
      renamed.push(Number(file.split('.')[0]))
      target = join(dist, `${name}-${file}`)
    }
    writeFileSync(target, code)
  }
  let code = readFileSync(join(out, 'index.js'), 'utf8')
  if (renamed.length > 0) {
    const template = 'return "" + chunkId + ".index.js";'
    if (!code.includes(template))
      throw new Error(`cannot point ${entry} at its own chunks: ncc's chunk loader changed`)
    code = code.replace(
      template,
      `return (${JSON.stringify(renamed)}.includes(Number(chunkId)) ? ${JSON.stringify(`${name}-`)} : "") + chunkId + ".index.js";`
    )
  }
  if (name === 'cli' && !code.startsWith('#!')) code = `#!/usr/bin/env node\n${code}`
  writeFileSync(join(dist, `${name}.js`), code, { mode: 0o755 })
}
writeFileSync(join(dist, 'package.json'), '{\n  "type": "module"\n}\n')
copyFileSync(
  join(root, 'node_modules/web-tree-sitter/web-tree-sitter.js'),
  join(dist, 'web-tree-sitter.js')
)
copyFileSync(
  join(root, 'node_modules/web-tree-sitter/web-tree-sitter.wasm'),
  join(dist, 'web-tree-sitter.wasm')
)
for (const g of grammars) {
  copyFileSync(
    join(root, `node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter-${g}.wasm`),
    join(dist, 'grammars', `tree-sitter-${g}.wasm`)
  )
}
console.log(
  `${bench ? '.tmp/bench/' : 'dist/'} built: ${Object.keys(entries)
    .filter((n) => existsSync(join(dist, `${n}.js`)))
    .join(', ')}`
)
