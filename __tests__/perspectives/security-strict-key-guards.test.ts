// A key check that compares strictly in a setter that takes paths as arrays: `[['__proto__'], 'x']` passes
// `key === '__proto__'` (an array is not the string) and is then converted to '__proto__' as a property key
// (object-path 0.11.5, mpath 0.8.3). The fixed shape tests the key's type first, and a setter that splits a
// string only is guarded by the same comparison.
import { describe, expect, it } from '@jest/globals'
import security from '../../perspectives/security/index.js'
import { runFixture, type FixtureRun } from './harness.js'

const at = (result: FixtureRun) =>
  result.run.findings
    .filter((f) => f.messageId === 'prototypePollution')
    .map((f) => `${f.file}:${f.startLine}`)
    .sort()

const setter = (typed: boolean, arrays = true) => ({
  'package.json': JSON.stringify({ name: 'paths', main: 'index.js' }),
  'index.js': [
    'function set(obj, path, value) {', // 1
    arrays
      ? "  if (typeof path === 'string') return set(obj, path.split('.'), value)"
      : "  path = String(path).split('.')", // 2
    '  let key = path[0]', // 3
    typeof typed === 'boolean' && typed
      ? "  if (typeof key !== 'string' && typeof key !== 'number') key = String(key)"
      : '  // no type check', // 4
    "  if (key === '__proto__' || key === 'constructor' || key === 'prototype') return obj", // 5
    '  if (path.length === 1) {', // 6
    '    obj[key] = value', // 7
    '    return obj', // 8
    '  }', // 9
    '  if (obj[key] === undefined) obj[key] = {}', // 10
    '  return set(obj[key], path.slice(1), value)', // 11
    '}', // 12
    '', // 13
    'exports.set = set', // 14
    ''
  ].join('\n')
})

describe('security: strict key checks bypassed by array elements', () => {
  it('a setter taking array paths whose check compares the key strictly is reported', async () => {
    const result = await runFixture(security, setter(false))
    expect(at(result)).toEqual(['index.js:1'])
    const finding = result.run.findings.find((f) => f.messageId === 'prototypePollution')
    expect(finding?.message).toContain('compares the key `key`')
  })

  it('the fixed shape (the key coerced to a string before the check) is not', async () => {
    const result = await runFixture(security, setter(true))
    expect(at(result)).toEqual([])
  })

  it('a setter that only splits a string is guarded by the same comparison', async () => {
    const result = await runFixture(security, setter(false, false))
    expect(at(result)).toEqual([])
  })
})
