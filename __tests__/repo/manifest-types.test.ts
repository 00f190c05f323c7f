// package.json `types` / `typings`: the declarations a package ships (backwards-compat compares them).
import { describe, expect, it } from '@jest/globals'
import { parsePackageJson } from '../../src/repo/manifest-node.js'

describe('package.json types', () => {
  it('reads types, falls back to typings, and leaves it out when absent or not a string', () => {
    expect(parsePackageJson('package.json', '{"types":"index.d.ts"}').types).toBe('index.d.ts')
    expect(parsePackageJson('package.json', '{"typings":"lib/a.d.ts"}').types).toBe('lib/a.d.ts')
    expect(parsePackageJson('package.json', '{"types":"a.d.ts","typings":"b.d.ts"}').types).toBe(
      'a.d.ts'
    )
    expect('types' in parsePackageJson('package.json', '{"name":"x"}')).toBe(false)
    expect('types' in parsePackageJson('package.json', '{"types":3}')).toBe(false)
  })
})
