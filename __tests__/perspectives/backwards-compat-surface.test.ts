// The package surface read with the TypeScript compiler and the rules that compare two of them, on
// small fixtures written for each rule (shipped `.d.ts` and TypeScript sources): removals and paired
// renames, parameters made required or narrowed, returns widened, overloads, interface members,
// enums, namespaces, the default export's object, members moved to a base class, and a release that
// only adds. Each planted break is asserted by name and location, each non-break asserted absent.
import { describe, expect, it } from '@jest/globals'
import * as ts from 'typescript'
import { buildApiReport } from '../../perspectives/backwards-compat/api-report.js'
import { semverAdvice, surfaceChange } from '../../perspectives/backwards-compat/script-surface.js'
import {
  declarationOf,
  diffSurfaces,
  similarNames
} from '../../perspectives/backwards-compat/surface-diff.js'
import { entryPoints, resolveTarget } from '../../perspectives/backwards-compat/ts-entries.js'
import { readSurface, type SurfaceItem } from '../../perspectives/backwards-compat/ts-surface.js'
import { relate, unionMembers } from '../../perspectives/backwards-compat/type-order.js'
import { runFiles } from '../../src/records/layout.js'
import type { CodeModel, PackageManifest } from '../../src/model/types.js'
import type { PlanRecord } from '../../src/records/types.js'
import perspective from '../../perspectives/backwards-compat/index.js'
import { runFixture } from './harness.js'
import { compatTrees } from './compat-fixture.js'

function manifest(fields: Partial<PackageManifest>): PackageManifest {
  return {
    path: 'package.json',
    kind: 'package.json',
    dependencies: [],
    devDependencies: [],
    scripts: {},
    bin: {},
    engines: {},
    workspaces: [],
    ...fields
  }
}

function surfaceOf(
  files: Record<string, string>,
  pkg: PackageManifest | undefined = undefined
): Map<string, SurfaceItem> {
  const paths = Object.keys(files)
  const entries = entryPoints(pkg, new Set(paths))
  return readSurface(ts, entries, { paths, text: (p) => files[p] })
}

function breaksOf(name: string, pkg?: PackageManifest) {
  const { base, head } = compatTrees(name)
  const diff = diffSurfaces(surfaceOf(base, pkg), surfaceOf(head, pkg))
  return {
    diff,
    found: diff.breaks
      .map((b) => `${b.before.name}: ${b.reason} @${b.before.file}:${b.before.line}`)
      .sort()
  }
}

describe('reading the surface', () => {
  it('lists exports, members (inherited ones too), overloads, enums, namespaces and the default object', () => {
    const surface = surfaceOf(compatTrees('dts').base)
    const show = (name: string): string | undefined => {
      const item = surface.get(`. ${name}`)
      return item && `${item.kind} ${declarationOf(item)} @${item.file}:${item.line}`
    }
    expect(show('parse')).toBe(
      'function parse(text: string): object; parse(text: Uint8Array, encoding: string): object @index.d.ts:8'
    )
    expect(show('Options.timeout')).toBe('property timeout?: number @index.d.ts:3')
    expect(show('Client.constructor')).toBe(
      'constructor constructor(url: string): Client @index.d.ts:13'
    )
    expect(show('Client.ping')).toBe('method ping(): void @base.d.ts:2')
    expect(surface.get('. Client.ping')?.inheritedFrom).toBe('Base')
    expect(show('Level.High')).toBe('enum-member High = 2 @index.d.ts:18')
    expect(show('util.slugify')).toBe('function slugify(text: string): string @index.d.ts:21')
    expect(show('default.keyword')).toBe('method keyword(color: string): void @index.d.ts:24')
  })

  it('follows `export *` and named re-exports in TypeScript sources, leaving protected members out', () => {
    const surface = surfaceOf(compatTrees('source').base)
    expect([...surface.keys()].sort()).toEqual(
      [
        '. Shape',
        '. area',
        '. Store',
        '. Store.constructor',
        '. Store.get',
        '. Store.clear',
        '. format',
        '. total'
      ].sort()
    )
    expect(declarationOf(surface.get('. format') as SurfaceItem)).toBe(
      'format(items: string[], separator?: string): string'
    )
  })

  it('takes entry points from the exports map (types condition first), else types or main', () => {
    const files = new Set(['dist/index.d.ts', 'dist/index.js', 'dist/sync.js', 'src/sync.ts'])
    expect(
      entryPoints(
        manifest({
          exports: {
            '.': { import: './dist/index.js', types: './dist/index.d.ts' },
            './sync': './dist/sync.js',
            './features/*': './dist/features/*.js'
          }
        }),
        files
      )
    ).toEqual([
      { subpath: '.', file: 'dist/index.d.ts', conditions: ['import', 'types'] },
      { subpath: './sync', file: 'dist/sync.js', conditions: [] }
    ])
    expect(resolveTarget('./dist/other.js', new Set(['src/other.ts']))).toBe('src/other.ts')
    expect(entryPoints(manifest({ main: 'lib/index.js' }), new Set(['lib/index.d.ts']))).toEqual([
      { subpath: '.', file: 'lib/index.d.ts', conditions: [] }
    ])
  })
})

describe('comparing two surfaces', () => {
  it('names every planted break in shipped declarations, and nothing that is compatible', () => {
    const { found, diff } = breaksOf('dts')
    expect(found).toEqual(
      [
        'Options.timeout: optional property made required @index.d.ts:3',
        "Options.mode: type narrowed from `'fast' | 'safe'` to `'fast'` @index.d.ts:4",
        'Options.legacy: removed @index.d.ts:5',
        'parse: overload `(text: Uint8Array, encoding: string): object` removed @index.d.ts:8',
        'widenReturn: return type widened from `string` to `string | undefined` @index.d.ts:12',
        'Client.send: type of parameter `body` narrowed from `string | number` to `string` @index.d.ts:15',
        'Level.High: removed @index.d.ts:18',
        'util.slugify: removed @index.d.ts:21',
        'createServer: renamed to `startServer` @index.d.ts:23',
        'default.keyword: removed @index.d.ts:24'
      ].sort()
    )
    const names = diff.breaks.map((b) => b.before.name)
    // Widened parameter, narrowed return, a member moved to the base class: not breaking.
    expect(names).not.toContain('widen')
    expect(names).not.toContain('narrowReturn')
    expect(names).not.toContain('Client.close')
    expect(diff.additions.map((a) => a.name)).toEqual(['default.rgb'])
  })

  it('names the breaks of TypeScript sources: a default dropped, a union narrowed; a member moved up is kept', () => {
    const { found } = breaksOf('source')
    // `total` gained an optional parameter and Store.clear moved to BaseStore: neither is a break.
    expect(found).toEqual([
      "Shape: type narrowed from `'circle' | 'square' | 'triangle'` to `'circle' | 'square'` @src/shapes.ts:1",
      'format: parameter `separator` made required @src/index.ts:3'
    ])
  })

  it('an addition-only release gives no breaks: new overloads, optional parameters and members, new exports', () => {
    const { found, diff } = breaksOf('additions')
    expect(found).toEqual([])
    expect(diff.additions.map((a) => a.name).sort()).toEqual(
      ['Mode', 'Mode.Parallel', 'Mode.Serial', 'Options.signal', 'Runner.stop', 'runSync'].sort()
    )
  })

  it('shapes that keep every caller working are not breaks; the breaks beside them are named', () => {
    const pkg = manifest({ exports: { '.': './index.d.ts', './util': './util.d.ts' } })
    const { found, diff } = breaksOf('false-shapes', pkg)
    // Planted: a class property users read got wider; a parameter went from any to string.
    expect(found).toEqual([
      'Doc.title: type widened from `string` to `string | undefined` @index.d.ts:12',
      'strict: type of parameter `value` narrowed from `any` to `string` @index.d.ts:21'
    ])
    const names = diff.breaks.map((b) => b.before.name)
    // any and unknown admit the same values, in parameters, callbacks and type arguments.
    for (const name of ['Options.reviver', 'Doc.get', 'Doc.getIn'])
      expect(names).not.toContain(name)
    // A type argument made explicit (`Doc` -> `Doc<T>` with a default) is the same type.
    expect(names).not.toContain('parse')
    // Read-only uses: a class property made required or narrowed, and a result type no parameter
    // accepts, whose properties were made required.
    for (const name of ['Doc.size', 'Doc.contents', 'Result.range', 'Result.comment'])
      expect(names).not.toContain(name)
    // `Options['onAnchor']` is read as the property's type; overloads reordered serve the same calls.
    expect(names).not.toContain('Doc.toJSON')
    expect(names).not.toContain('load')
    // Moves: an `export =` namespace's interface now a named type alias, an export now offered by
    // another entry point.
    expect(
      diff.moved.map(({ from, to }) => `${from.subpath} ${from.name} -> ${to.subpath} ${to.name}`)
    ).toEqual(['. default.Settings -> . Settings', './util Level -> . Level'])
  })

  it('an entry point removed from the exports map is one change, not one per export', () => {
    const pkg = (withSync: boolean) =>
      manifest({
        exports: withSync
          ? { '.': './index.d.ts', './sync': './sync.d.ts' }
          : { '.': './index.d.ts' }
      })
    const files = {
      'index.d.ts': 'export declare function read(path: string): Promise<string>;\n',
      'sync.d.ts': 'export declare function readSync(path: string): string;\n'
    }
    const paths = Object.keys(files)
    const read = (withSync: boolean) =>
      readSurface(ts, entryPoints(pkg(withSync), new Set(paths)), {
        paths,
        text: (p) => files[p as keyof typeof files]
      })
    expect([...read(true).keys()].sort()).toEqual(['. read', './sync readSync'])
    expect(diffSurfaces(read(true), read(false)).breaks).toEqual([])
  })

  it('a type of an `export =` namespace now exported by name is a move; a qualified name is the same type', () => {
    const base = {
      'index.d.ts': [
        'declare namespace pMap { interface Options { concurrency?: number } }',
        'declare function pMap(input: unknown[], options?: pMap.Options): Promise<unknown[]>;',
        'export = pMap;',
        ''
      ].join('\n')
    }
    const head = {
      'index.d.ts': [
        'export interface Options { concurrency?: number }',
        'export default function pMap(input: unknown[], options?: Options): Promise<unknown[]>;',
        ''
      ].join('\n')
    }
    const diff = diffSurfaces(surfaceOf(base), surfaceOf(head))
    expect(diff.breaks).toEqual([])
    expect(diff.moved.map(({ from, to }) => [from.name, to.name])).toEqual([
      ['default.Options', 'Options']
    ])
  })

  it('orders union types by their members and pairs renames by shape and name', () => {
    expect(unionMembers("Array<string> | 'a|b' | (() => void)")).toEqual([
      'string[]',
      // A string literal is normalised to double quotes: `'auto'` and `"auto"` are one type.
      '"a|b"',
      '()=>void'
    ])
    expect(relate('string', 'string | number')).toBe('wider')
    expect(relate('string | number', 'number')).toBe('narrower')
    expect(relate('string', 'unknown')).toBe('wider')
    expect(relate('Options', 'Settings')).toBe('changed')
    expect(relate('{ a: string; }', '{a: string}')).toBe('same')
    expect(relate('Iterable<any>', 'Iterable<unknown>')).toBe('same')
    expect(relate('{ unknown: string }', '{ any: string }')).toBe('changed')
    expect(relate('Parsed[]', 'Parsed<T>[] | EmptyStream')).toBe('wider')
    expect(relate('Promise<string>', 'Promise<number>')).toBe('changed')
    expect(similarNames('createServer', 'startServer')).toBe(true)
    expect(similarNames('sync', 'commandSync')).toBe(true)
    expect(similarNames('keyword', 'hex')).toBe(false)
  })
})

describe('the break as a finding, and the API report', () => {
  it('quotes both declarations with both locations and gives the semver advice', () => {
    const { diff } = breaksOf('dts')
    const send = diff.breaks.find((b) => b.before.name === 'Client.send')
    expect(send).toBeDefined()
    const change = surfaceChange(send!, 'v1.4.0', semverAdvice('1.4.0'))
    expect(change.messageId).toBe('apiChanged')
    expect(change.data).toMatchObject({
      before: 'send(body: string | number): void',
      after: 'send(body: string): void',
      baseWhere: 'index.d.ts:15',
      headWhere: 'index.d.ts:13',
      advice: 'a major release: 2.0.0'
    })
    expect(semverAdvice('0.13.4')).toBe('a breaking release: 0.14.0 while below 1.0.0')
  })

  it('writes the surface and the package metadata as api.md, which the sinks put in the results', () => {
    const pkg = manifest({
      name: 'demo',
      version: '2.0.0',
      type: 'module',
      types: 'index.d.ts',
      engines: { node: '>=18' },
      peerDependencies: { react: '>=18' },
      exports: { '.': { types: './index.d.ts', import: './index.js' } }
    })
    const model = { facts: { manifests: [pkg] } } as unknown as CodeModel
    const report = buildApiReport({
      model,
      script: surfaceOf(compatTrees('dts').head, pkg),
      items: new Map()
    })
    expect(report).toContain('- exports .: `types → ./index.d.ts; import → ./index.js`')
    expect(report).toContain('- peer react: `>=18`')
    expect(report).toContain('## Entry `.`')
    expect(report).toContain(
      '  - method `Client.close`: `close(): void` · base.d.ts:3 (inherited from Base)'
    )
    const record = {
      perspective_id: 'backwards-compat',
      timestamp: '2026-12-06T08:00:00.000Z',
      run_id: 'r1',
      risk_score: 10,
      details_json: JSON.stringify({ apiReport: report })
    } as unknown as PlanRecord
    const files = runFiles([record])
    expect(files.find((f) => f.path === 'api.md')?.content).toBe(report)
  })
})

describe('Python: inherited members and lazy module exports', () => {
  const base = {
    'pkg/__init__.py': [
      '__all__ = ["Response", "old_loader", "dump"]',
      'class Response:',
      '    def json(self, strict=True):',
      '        return {}',
      '    def text(self):',
      '        return ""',
      '    def close(self):',
      '        pass',
      'def old_loader(path):',
      '    return path',
      'def dump(obj, *, indent=None):',
      '    return str(obj)',
      ''
    ].join('\n')
  }
  const head = {
    'pkg/base.py': [
      'class BaseResponse:',
      '    def json(self, strict=True):',
      '        return {}',
      ''
    ].join('\n'),
    'pkg/__init__.py': [
      'import warnings',
      'from pkg.base import BaseResponse',
      '__all__ = ["Response", "dump"]',
      'class Response(BaseResponse):',
      '    def text(self):',
      '        return ""',
      'def dump(obj, *, indent=None):',
      '    return str(obj)',
      'def __getattr__(name):',
      '    if name == "old_loader":',
      '        warnings.warn("old_loader is deprecated", DeprecationWarning)',
      '        return dump',
      '    raise AttributeError(name)',
      ''
    ].join('\n')
  }

  it('a method moved to a base class the package defines is still there; a lazy export is not removed', async () => {
    const { run } = await runFixture(perspective, head, { baseFiles: base })
    expect(run.error).toBeNull()
    // Only close() is gone: json() is inherited from BaseResponse, old_loader served by __getattr__.
    expect(run.findings.map((f) => [f.messageId, f.symbol])).toEqual([
      ['memberRemoved', 'Response.close']
    ])
    const details = run.details as { moved: { name: string; to: string }[]; apiReport: string }
    expect(details.moved).toEqual([
      {
        name: 'old_loader',
        from: 'pkg/__init__.py',
        to: 'pkg/__init__.py (served by its module __getattr__, usually with a deprecation warning)'
      }
    ])
    expect(details.apiReport).toContain('- method `Response.json`: `Response.json(strict = True)`')
    expect(details.apiReport).toContain('- function `dump`: `dump(obj, *, indent = None)`')
  })
})

describe('shapes seen on released packages (compat held-out-2, now tuning)', () => {
  it('an untyped JavaScript options parameter: keys the body read that HEAD no longer takes are named', () => {
    // pretty-ms 4 -> 5: untyped `options` read in the body; HEAD declares `Options` with renamed keys.
    const { diff, found } = breaksOf('untyped-options')
    expect(found).toEqual([
      'Options.secDecimalDigits: renamed to `secondsDecimalDigits` @index.js:6',
      'Options.separateMs: renamed to `separateMilliseconds` @index.js:10'
    ])
    const names = diff.breaks.map((b) => b.before.name)
    // Keys still taken are not breaks, nor is `ms` typed `number` where the base declared no type.
    for (const name of ['Options.compact', 'Options.verbose', 'default'])
      expect(names).not.toContain(name)
  })

  it('keys are not compared when HEAD hands the options object on, or reads them in another way', () => {
    const base = {
      'index.js': [
        'module.exports = (value, opts) => {',
        '  const {unit, round} = opts;',
        '  return (round ? Math.round(value) : value) + unit;',
        '};',
        ''
      ].join('\n')
    }
    const head = {
      'index.js': [
        'const render = (value, opts) => value + (opts.suffix || opts.unit);',
        'module.exports = (value, opts) => render(opts.round ? Math.round(value) : value, opts);',
        ''
      ].join('\n')
    }
    const before = surfaceOf(base)
    expect(before.get('. default')?.signatures?.[0].params[1].keys?.map((k) => k.name)).toEqual([
      'unit',
      'round'
    ])
    expect(diffSurfaces(before, surfaceOf(head)).breaks).toEqual([])
    // HEAD's `opts` typed `any` says nothing about the keys it takes either.
    const typedAny = surfaceOf({
      'index.js': 'module.exports = (value, opts) => value + opts.unit;\n',
      'index.d.ts': 'declare function f(value: number, opts: any): string;\nexport = f;\n'
    })
    expect(diffSurfaces(before, typedAny).breaks).toEqual([])
    // A parameter that is not an options object (no object default, no options name) has no keys.
    const list = surfaceOf({
      'index.js': 'module.exports = (items) => items.length + items.first;\n'
    })
    expect(list.get('. default')?.signatures?.[0].params[0].keys).toBeUndefined()
  })

  it('a namespace merged with a function lists its members; the CommonJS `default` alias is not a member', () => {
    const base = {
      'index.d.ts': [
        'declare namespace wait {',
        '  function clear(promise: Promise<unknown>): void;',
        '  interface Options { signal?: unknown }',
        '}',
        'declare function wait(ms: number, options?: wait.Options): Promise<void>;',
        'export = wait;',
        ''
      ].join('\n')
    }
    const head = {
      'index.d.ts': [
        'export interface Options { signal?: unknown }',
        'export default function wait(ms: number, options?: Options): Promise<void>;',
        'export function clearWait(promise: Promise<unknown>): void;',
        ''
      ].join('\n')
    }
    const surface = surfaceOf(base)
    expect(surface.get('. default.clear')?.signatures?.length).toBe(1)
    const diff = diffSurfaces(surface, surfaceOf(head))
    // `import {clear} from 'wait'` worked too (an `export =` namespace's members are named imports).
    expect(
      diff.breaks.map((b) => `${b.before.name} @${b.before.file}:${b.before.line}`).sort()
    ).toEqual(['clear @index.d.ts:2', 'default.clear @index.d.ts:2'])
    // delay 5's shape: `default: typeof delay` on the `export =` value is the interop alias.
    const alias = surfaceOf({
      'index.d.ts': [
        'type Wait = { (ms: number): Promise<void>; range(min: number, max: number): Promise<void> };',
        'declare const wait: Wait & { default: typeof wait; createWithTimers(timers: object): Wait };',
        'export = wait;',
        ''
      ].join('\n')
    })
    expect([...alias.keys()].sort()).toEqual([
      '. default',
      '. default.createWithTimers',
      '. default.range'
    ])
  })

  it('a file only a base export condition named is compared through its subpath, not as a module', async () => {
    // crypto-random-string 5 -> 6: the `browser` condition's browser.js is gone; its `default` is
    // still the package's default export (index.d.ts describes every condition).
    const { base, head } = compatTrees('browser-condition')
    const { run } = await runFixture(perspective, head, { baseFiles: base, baseSource: true })
    expect(run.error).toBeNull()
    const breaking = run.findings
      .filter((f) => f.messageId !== 'versionBumpTooSmall')
      .map((f) => `${f.messageId} ${f.symbol}`)
    expect(breaking).toEqual(['apiRemoved randomTokenAsync'])
    expect(run.findings[0].message).toContain('(index.d.ts:7 at base)')
    expect(run.findings.some((f) => `${f.message} ${f.lookedFor}`.includes('browser.js'))).toBe(
      false
    )
  })
})
