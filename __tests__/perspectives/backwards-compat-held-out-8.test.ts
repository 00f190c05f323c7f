// Shapes that compat held-out-8 missed or called wrongly (docs/evaluation/compat.md, round 9), each on a
// small package written for it: the planted break asserted by file and line, the false shape beside
// it asserted absent.
import { describe, expect, it } from '@jest/globals'
import { breaksOf, manifest } from './compat-fixture.js'

describe('names a CommonJS module builds in a loop or with Object.assign (proc-log 3)', () => {
  const levels = [
    "const LEVELS = ['notice', 'warn', 'info']",
    'const emit = (level) => (...args) => process.emit("log", level, ...args)',
    'const logger = {}',
    'for (const level of LEVELS) {',
    '  logger[level] = emit(level)',
    '}',
    'logger.LEVELS = LEVELS',
    'module.exports = logger',
    ''
  ].join('\n')
  const helpers = (names: string[]): string =>
    [
      'function one() { return 1 }',
      'function two() { return 2 }',
      `Object.assign(module.exports, { ${names.join(', ')} })`,
      ''
    ].join('\n')
  const base = {
    'package.json': manifest({}),
    'index.js': levels,
    'lib/helpers.js': helpers(['one', 'two']),
    'helpers.json': '{}'
  }

  it('the levels gone from the default export are removed, each at the loop assignment that made it', async () => {
    const head = {
      'package.json': manifest({ version: '2.0.0' }),
      'index.js': [
        'module.exports = {',
        '  LEVELS: [],',
        '  log: { notice () {}, warn () {}, info () {} }',
        '}',
        ''
      ].join('\n')
    }
    const { found, messages } = await breaksOf(base, head)
    expect(found.filter((f) => /notice|warn|info/.test(f) && !/\.log\./.test(f))).toEqual([
      'Method default.info removed @index.js:5 at base: logger[level] = emit(level) index.js at HEAD',
      'Method default.notice removed @index.js:5 at base: logger[level] = emit(level) index.js at HEAD',
      'Method default.warn removed @index.js:5 at base: logger[level] = emit(level) index.js at HEAD'
    ])
    expect(messages.join('\n')).toContain('(index.js:5 at base)')
  })

  it('the same loop at HEAD removes nothing, and Object.assign names its literal keys', async () => {
    const head = {
      'package.json': manifest({ version: '2.0.0', main: 'lib/helpers.js' }),
      'lib/helpers.js': helpers(['one']),
      'index.js': levels
    }
    const same = await breaksOf(
      { ...base, 'package.json': manifest({ main: 'lib/helpers.js' }) },
      head
    )
    expect(same.found.join('\n')).not.toMatch(/notice|warn|info|default\.one/)
    expect(same.found.filter((f) => /\btwo\b/.test(f))).toEqual([
      'Function two removed @lib/helpers.js:3 at base: Object.assign(module.exports, { one, two }) lib/helpers.js at HEAD'
    ])
  })
})

describe('an engines field added where there was none', () => {
  it('a floor is a break; a range that admits every version is not', async () => {
    const base = { 'package.json': manifest({}), 'index.js': 'exports.a = 1\n' }
    const floor = await breaksOf(base, {
      'package.json': manifest({ version: '2.0.0', engines: { node: '>=14' } }),
      'index.js': 'exports.a = 1\n'
    })
    expect(floor.found).toEqual([
      'Node.js requirement raised to >=14 @package.json at base package.json at HEAD'
    ])
    expect(floor.messages[0]).toContain('required Node.js `*`')
    const open = await breaksOf(base, {
      'package.json': manifest({ version: '2.0.0', engines: { node: '>=0.0.0' } }),
      'index.js': 'exports.a = 1\n'
    })
    expect(open.found).toEqual([])
  })
})

describe('declaration shapes held-out-8 called breaking (minipass 5 and 7, jose 5)', () => {
  const base = {
    'package.json': manifest({ types: 'index.d.ts' }),
    'index.d.ts': [
      'export interface Shared { encoding?: string | null; objectMode?: boolean }',
      'export type Writable =',
      '  | Stream',
      '  | (Stream & { fd: number })',
      '  | { end(): any',
      '      write(chunk: any): any }',
      'export interface Stream { x: number }',
      "export type BufferOptions = Shared & { encoding?: null | 'buffer' }",
      'export type ObjectOptions = Shared & { objectMode: true }',
      'export interface Payload { sub?: string }',
      'export interface Result { payload: Payload }',
      'export interface Deflate { (input: string): string }',
      'export declare class Pipe {',
      '  collect(): Promise<string[]>',
      '  read(): string',
      '}',
      'export type Kind = "a" | "b" | "c"',
      ''
    ].join('\n')
  }
  const head = {
    'package.json': manifest({ version: '2.0.0', types: 'index.d.ts' }),
    'index.d.ts': [
      'export interface Shared { encoding?: string | null; objectMode?: boolean }',
      'export type Writable = Stream | (Stream & { fd: number; }) | { end(): any; write(chunk: any): any; }',
      'export interface Stream { x: number }',
      "export type BufferOptions = Shared & { encoding?: null | 'buffer' }",
      'export type ObjectOptions = Shared & { objectMode: true }',
      'export interface Payload { sub?: string }',
      'export interface Result<P = Payload> { payload: P & Payload }',
      'export declare class Pipe {',
      '  collect(): Promise<string[] & { dataLength: number }>',
      '  read(): string | undefined',
      '}',
      'export type Kind = "a" | "b"',
      ''
    ].join('\n')
  }

  it('formatting, the wider half of an intersection, a default equal to the old type and a narrowed return are not breaks; a widened return and a union member gone are', async () => {
    const { found } = await breaksOf(base, head)
    expect(found.join('\n')).not.toMatch(
      /Writable|BufferOptions|ObjectOptions|Result|collect|Deflate\(\)/
    )
    expect(found).toEqual([
      'Interface Deflate removed @index.d.ts:12 at base: export interface Deflate { (input: string): string } index.d.ts at HEAD',
      'Kind: type narrowed from `"a" | "b" | "c"` to `"a" | "b"` @index.d.ts:12',
      'Pipe.read: return type widened from `string` to `string | undefined` @index.d.ts:10'
    ])
  })

  it('a class given as `export =` lends no `prototype` export', async () => {
    const cls = (extra: string): string =>
      [
        'declare class Minipass {',
        '  write(chunk: string): boolean',
        extra,
        '}',
        'export = Minipass',
        ''
      ].join('\n')
    const { found } = await breaksOf(
      {
        'package.json': manifest({ types: 'index.d.ts' }),
        'index.d.ts': cls('  static isStream(s: any): boolean')
      },
      { 'package.json': manifest({ version: '2.0.0', types: 'index.d.ts' }), 'index.d.ts': cls('') }
    )
    expect(found.join('\n')).not.toMatch(/prototype/)
    expect(found.filter((f) => f.includes('isStream'))).toHaveLength(1)
    expect(found.find((f) => f.includes('isStream'))).toMatch(/@index\.d\.ts:3 at base/)
  })
})

describe('the same shapes in TypeScript sources', () => {
  const source = (result: string, payload: string, read: string): string =>
    [
      'export interface Shared { encoding?: string | null }',
      "export type BufferOptions = Shared & { encoding?: null | 'buffer' }",
      'export interface Payload { sub?: string }',
      `export interface Result<P = Payload> { payload: ${payload} }`,
      'export class Pipe {',
      `  async collect(): ${result} { return Object.assign([], { dataLength: 0 }) }`,
      `  read(): ${read} { return '' }`,
      '}',
      ''
    ].join('\n')
  it('an intersection default, the narrower half and a narrowed result are not breaks; a widened result is, at its line', async () => {
    const { found } = await breaksOf(
      {
        'package.json': manifest({ main: 'index.ts' }),
        'index.ts': source('Promise<string[]>', 'Payload', 'string')
      },
      {
        'package.json': manifest({ version: '2.0.0', main: 'index.ts' }),
        'index.ts': source(
          'Promise<string[] & { dataLength: number }>',
          'P & Payload',
          'string | undefined'
        )
      }
    )
    expect(found).toEqual([
      'Pipe.read: return type widened from `string` to `string | undefined` @index.ts:7'
    ])
  })
})
