// The scope perspective's pure helpers: manifest targets, the ranking formula, route paths.
import { staticPrefix } from '../../../perspectives/scope/findings.js'
import { exportLeaves, resolveTarget } from '../../../perspectives/scope/inventory.js'
import { saturate } from '../../../perspectives/scope/ranking.js'

describe('resolveTarget', () => {
  const modules = new Set([
    'src/cli.ts',
    'lib/index.js',
    'packages/a/src/main.ts',
    'src/tool/cli.py',
    'tool/__main__.py'
  ])

  it('maps build output back to its source', () => {
    expect(resolveTarget('', 'dist/cli.js', modules)).toBe('src/cli.ts')
    expect(resolveTarget('', './lib/index.js', modules)).toBe('lib/index.js')
    expect(resolveTarget('', 'lib', modules)).toBe('lib/index.js')
    expect(resolveTarget('packages/a', 'build/main.js', modules)).toBe('packages/a/src/main.ts')
  })

  it('resolves Python entry points by their dotted module', () => {
    expect(resolveTarget('', 'tool.cli:main', modules)).toBe('src/tool/cli.py')
    expect(resolveTarget('', 'tool', modules)).toBe('tool/__main__.py')
  })

  it('gives null outside the repository or for a missing file', () => {
    expect(resolveTarget('', '../outside.js', modules)).toBeNull()
    expect(resolveTarget('', 'dist/missing.js', modules)).toBeNull()
  })
})

describe('exportLeaves', () => {
  it('lists every string target with its condition path', () => {
    expect(
      exportLeaves({
        '.': { import: './dist/index.mjs', require: './dist/index.cjs' },
        './cli': './dist/cli.js',
        './package.json': './package.json'
      })
    ).toEqual([
      ['.>import', './dist/index.mjs'],
      ['.>require', './dist/index.cjs'],
      ['./cli', './dist/cli.js'],
      ['./package.json', './package.json']
    ])
    expect(exportLeaves('./index.js')).toEqual([['.', './index.js']])
    expect(exportLeaves(undefined)).toEqual([])
  })
})

describe('saturate', () => {
  it('is 0 at 0, 1 at the cap and beyond, and grows in between', () => {
    expect(saturate(0, 20)).toBe(0)
    expect(saturate(20, 20)).toBe(1)
    expect(saturate(500, 20)).toBe(1)
    expect(saturate(3, 20)).toBeGreaterThan(saturate(2, 20))
    expect(saturate(3, 20)).toBeCloseTo(2 / Math.log2(21), 10)
  })
})

describe('staticPrefix', () => {
  it('cuts a route path at its first parameter', () => {
    expect(staticPrefix('/users/:id')).toBe('/users/')
    expect(staticPrefix('/items/{item_id}')).toBe('/items/')
    expect(staticPrefix('/a/<int:x>')).toBe('/a/')
    expect(staticPrefix('/health')).toBe('/health')
  })
})
