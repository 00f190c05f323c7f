// A prototype-pollution claim settled by running the exported function in a child process: an unguarded
// deep merge and a path setter write onto Object.prototype (confirmed, with the call that did it); the
// guarded twins do not, and a control call shows they do the work, so the claim is refuted; a function
// the payloads' shapes do not fit is "not shown"; a module that does not load, or an export that is no
// function, is unloadable.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { settlePollution } from '../../src/execute/settle-pollution.js'

const merge = [
  'function isObject(v) { return v !== null && typeof v === "object" }',
  'function merge(target, source) {',
  '  for (const key of Object.keys(source)) {',
  '    if (isObject(source[key])) {',
  '      if (!isObject(target[key])) target[key] = {}',
  '      merge(target[key], source[key])',
  '    } else target[key] = source[key]',
  '  }',
  '  return target',
  '}',
  'function safeMerge(target, source) {',
  '  for (const key of Object.keys(source)) {',
  '    if (key === "__proto__" || key === "constructor" || key === "prototype") continue',
  '    if (isObject(source[key])) {',
  '      if (!isObject(target[key])) target[key] = {}',
  '      safeMerge(target[key], source[key])',
  '    } else target[key] = source[key]',
  '  }',
  '  return target',
  '}',
  '// Takes its source from an options bag: none of the payload shapes reaches its loop.',
  'function mergeInto(options) {',
  '  return merge(options.target || {}, options.source || {})',
  '}',
  '// A deep flag first: without it, a shallow copy that a reference-only control would take for a merge.',
  'function extend(...args) {',
  '  const deep = typeof args[0] === "boolean" ? args.shift() : false',
  '  const [target, ...sources] = args',
  '  for (const source of sources)',
  '    for (const key in source) {',
  '      if (deep && isObject(source[key])) target[key] = extend(true, isObject(target[key]) ? target[key] : {}, source[key])',
  '      else target[key] = source[key]',
  '    }',
  '  return target',
  '}',
  'module.exports = { merge, safeMerge, mergeInto, extend, version: "1" }',
  ''
].join('\n')

const setter = [
  'export function set(obj, path, value) {',
  '  const keys = Array.isArray(path) ? path : String(path).split(".")',
  '  let at = obj',
  '  for (const k of keys.slice(0, -1)) at = at[k] ??= {}',
  '  at[keys[keys.length - 1]] = value',
  '  return obj',
  '}',
  'export function setOwn(obj, path, value) {',
  '  const keys = String(path).split(".")',
  '  let at = obj',
  '  for (const k of keys.slice(0, -1)) {',
  '    if (!Object.prototype.hasOwnProperty.call(at, k)) at[k] = Object.create(null)',
  '    at = at[k]',
  '  }',
  '  at[keys[keys.length - 1]] = value',
  '  return obj',
  '}',
  ''
].join('\n')

describe('settlePollution', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'settle-pollution-'))
    await writeFile(join(dir, 'merge.cjs'), merge)
    await writeFile(join(dir, 'set.mjs'), setter)
    await writeFile(
      join(dir, 'whole.cjs'),
      merge.replace(
        /module\.exports = .*/,
        'module.exports = function deepMerge(t, s) { return merge(t, s) }'
      )
    )
    await writeFile(join(dir, 'broken.cjs'), 'throw new Error("cannot load")\n')
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('confirms an unguarded deep merge and names the call', async () => {
    const settled = await settlePollution(dir, join(dir, 'merge.cjs'), 'merge')
    expect(settled).toEqual({ verdict: 'confirmed', shape: 'f({}, P)' })
  }, 30_000)

  it('refutes a merge that skips __proto__, constructor and prototype: its control merge worked', async () => {
    const settled = await settlePollution(dir, join(dir, 'merge.cjs'), 'safeMerge')
    expect(settled).toEqual({ verdict: 'refuted', refutedBy: 'a deep merge f(target, source)' })
  }, 30_000)

  it('confirms a merge behind a deep flag, which a shallow control would have refuted', async () => {
    const settled = await settlePollution(dir, join(dir, 'merge.cjs'), 'extend')
    expect(settled).toEqual({ verdict: 'confirmed', shape: 'f(true, {}, P)' })
  }, 30_000)

  it('settles nothing for a function the shapes do not fit', async () => {
    const settled = await settlePollution(dir, join(dir, 'merge.cjs'), 'mergeInto')
    expect(settled).toEqual({ verdict: 'not-shown' })
  }, 30_000)

  it('calls the module itself when it is the function by that name (`module.exports = function deepMerge`)', async () => {
    const settled = await settlePollution(dir, join(dir, 'whole.cjs'), 'deepMerge')
    expect(settled).toEqual({ verdict: 'confirmed', shape: 'f({}, P)' })
    // An internal helper's claim is not settled by calling the module's one export.
    expect((await settlePollution(dir, join(dir, 'whole.cjs'), 'isObject')).verdict).toBe(
      'unloadable'
    )
  }, 30_000)

  it("confirms a path setter through a '__proto__.' path; its own-property twin is refuted", async () => {
    expect(await settlePollution(dir, join(dir, 'set.mjs'), 'set')).toEqual({
      verdict: 'confirmed',
      shape: "f({}, '__proto__.m', true)"
    })
    expect(await settlePollution(dir, join(dir, 'set.mjs'), 'setOwn')).toEqual({
      verdict: 'refuted',
      refutedBy: "a path setter f(target, 'a.b', value)"
    })
  }, 30_000)

  it('says unloadable for a module that throws and for an export that is no function', async () => {
    expect((await settlePollution(dir, join(dir, 'broken.cjs'), 'merge')).verdict).toBe(
      'unloadable'
    )
    expect(await settlePollution(dir, join(dir, 'merge.cjs'), 'version')).toEqual({
      verdict: 'unloadable',
      detail: 'not a function'
    })
  }, 30_000)
})
