// Shapes that compat held-out-6 called wrongly or missed, as judged (docs/evaluation/compat.md, round 7),
// each on a small package written for it: the false shape asserted absent, a real twin beside it
// asserted by file and line, with both declarations and both places in its message.
import { describe, expect, it } from '@jest/globals'
import { breaksOf, manifest } from './compat-fixture.js'

describe('generic declarations whose type parameters default to the old type (http-proxy-middleware 3)', () => {
  const types = (body: string[]): string =>
    [
      "import type * as http from 'http'",
      'export interface Request extends http.IncomingMessage { originalUrl: string }',
      ...body,
      ''
    ].join('\n')
  const base = {
    'package.json': manifest({ types: 'index.d.ts' }),
    'index.d.ts': types([
      'export declare function fixRequestBody(proxyReq: http.ClientRequest, req: http.IncomingMessage): void',
      'export declare function responseInterceptor(interceptor: (buffer: Buffer) => Promise<string>): (proxyRes: http.IncomingMessage, req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>',
      'export type Filter = string | ((pathname: string, req: Request) => boolean)',
      'export declare function first(values: number[]): number'
    ])
  }
  const head = {
    'package.json': manifest({ version: '2.0.0', types: 'index.d.ts' }),
    'index.d.ts': types([
      'export declare function fixRequestBody<TReq = http.IncomingMessage>(proxyReq: http.ClientRequest, req: TReq): void',
      'export declare function responseInterceptor<TReq extends http.IncomingMessage = http.IncomingMessage, TRes extends http.ServerResponse = http.ServerResponse>(interceptor: (buffer: Buffer) => Promise<string>): (proxyRes: TReq, req: TReq, res: TRes) => Promise<void>',
      'export type Filter<TReq = http.IncomingMessage> = string | ((pathname: string, req: TReq) => boolean)',
      'export declare function first<T = string>(values: T[]): T'
    ])
  }

  it('a parameter or result typed by a type parameter whose default is the old type: no break; a default of another type and a callback given less: breaks', async () => {
    const { found, messages } = await breaksOf(base, head)
    expect(found).toEqual([
      'Filter: type changed from `string | ((pathname: string, req: Request) => boolean)` to `string | ((pathname: string, req: http.IncomingMessage) => boolean)` @index.d.ts:5',
      'first: type of parameter `values` changed from `number[]` to `string[]` @index.d.ts:6'
    ])
    expect(found.join('\n')).not.toMatch(/fixRequestBody|responseInterceptor/)
    expect(messages.join('\n')).toContain(
      'At base: `first(values: number[]): number` (index.d.ts:6); at HEAD: `first<T = string>(values: T[]): T` (index.d.ts:6)'
    )
  })
})

describe('an inline type given a name, an output narrowed, an input widened (dotenv-expand 11, prom-client 15)', () => {
  const base = {
    'package.json': manifest({ types: 'index.d.ts' }),
    'index.d.ts': [
      'export interface ExpandOptions {',
      '  parsed?: { [name: string]: string }',
      '  processEnv?: { [name: string]: string }',
      '}',
      'export declare function expand(options?: ExpandOptions): void',
      'export declare class Registry {',
      '  contentType: string',
      '  metrics(): Promise<string>',
      '  static setRegistries(regs: Array<Registry> | Registry): void',
      '}',
      'export declare const register: Registry',
      'export interface MetricConfiguration {',
      '  name: string',
      '  registers?: Registry[]',
      '}',
      'export interface CounterConfiguration extends MetricConfiguration {',
      '  labels?: string[]',
      '}',
      'export declare class Counter {',
      '  constructor(configuration: CounterConfiguration)',
      '}',
      ''
    ].join('\n')
  }
  const head = {
    'package.json': manifest({ version: '2.0.0', types: 'index.d.ts' }),
    'index.d.ts': [
      'export interface ParseInput {',
      '  [name: string]: string',
      '}',
      'export interface NumberInput {',
      '  [name: string]: number',
      '}',
      'export interface ExpandOptions {',
      '  parsed?: ParseInput',
      '  processEnv?: NumberInput',
      '}',
      'export declare function expand(options?: ExpandOptions): void',
      "export type PrometheusMIME = 'text/plain'",
      'export type PrometheusContentType = `${PrometheusMIME}; version=0.0.4; charset=utf-8`',
      "export type OpenMetricsContentType = 'application/openmetrics-text; version=1.0.0; charset=utf-8'",
      'export declare class Registry<RegistryContentType = PrometheusContentType> {',
      '  contentType: RegistryContentType',
      '  metrics(): Promise<string | number>',
      '  static setRegistries(regs: Array<Registry<PrometheusContentType> | Registry<OpenMetricsContentType>> | Registry<PrometheusContentType> | Registry<OpenMetricsContentType>): void',
      '}',
      'export declare const register: Registry',
      'export interface MetricConfiguration {',
      "  name: 'requests' | 'errors'",
      '  registers?: (Registry<PrometheusContentType> | Registry<OpenMetricsContentType>)[]',
      '}',
      'export interface CounterConfiguration extends MetricConfiguration {',
      '  labels?: string[]',
      '}',
      'export declare class Counter {',
      '  constructor(configuration: CounterConfiguration)',
      '}',
      ''
    ].join('\n')
  }

  it('the same index signature under a name, a read property narrowed to a literal, arrays and unions of what was taken: no break; another index type, a widened result, a narrowed inherited input: breaks', async () => {
    const { found, messages } = await breaksOf(base, head)
    expect(found).toEqual([
      "CounterConfiguration.name: type narrowed from `string` to `'requests' | 'errors'` @index.d.ts:22",
      'ExpandOptions.processEnv: type changed from `{ [name: string]: string }` to `NumberInput` @index.d.ts:9',
      "MetricConfiguration.name: type narrowed from `string` to `'requests' | 'errors'` @index.d.ts:22",
      'Registry.metrics: return type widened from `Promise<string>` to `Promise<string | number>` @index.d.ts:17',
      'register.metrics: return type widened from `Promise<string>` to `Promise<string | number>` @index.d.ts:17'
    ])
    expect(found.join('\n')).not.toMatch(/parsed|contentType|setRegistries|registers/)
    expect(messages.join('\n')).toContain(
      'At base: `processEnv?: { [name: string]: string }` (index.d.ts:3); at HEAD: `processEnv?: NumberInput` (index.d.ts:9)'
    )
  })
})

describe("JSDoc's optional and nullable marks (eslint-scope 6)", () => {
  const scopeManager = (acquireDoc: string, releaseDoc: string): string =>
    [
      'class ScopeManager {',
      '  /**',
      '   * @param {Object} node the node',
      `   * @param ${acquireDoc} inner look for the innermost scope`,
      '   * @returns {Object} the scope',
      '   */',
      '  acquire(node, inner) { return inner ? node : null }',
      '  /**',
      '   * @param {Object} node the node',
      `   * @param ${releaseDoc} depth how far up`,
      '   * @returns {Object} the scope',
      '   */',
      '  release(node, depth) { return depth ? node : null }',
      '}',
      'module.exports = { ScopeManager }',
      ''
    ].join('\n')
  const base = {
    'package.json': manifest({}),
    'index.js': scopeManager('{boolean=}', '{number|string}')
  }
  const head = {
    'package.json': manifest({ version: '2.0.0' }),
    'index.js': scopeManager('{?boolean} [inner=false]', '{number}')
  }

  it('`boolean=` -> `?boolean`: no break; a union narrowed: a break', async () => {
    const { found, messages } = await breaksOf(base, head)
    expect(found).toEqual([
      'ScopeManager.release: type of parameter `depth` narrowed from `number|string` to `number` @index.js:13'
    ])
    expect(messages[0]).toContain('(index.js:13); at HEAD:')
    expect(messages[0]).toContain(
      'At base: `release(node: Object, depth: number|string): Object` (index.js:13)'
    )
  })
})

describe('the JavaScript behind a declaration that did not change (prom-client 14)', () => {
  const declaration = [
    'export declare class Pushgateway {',
    '  constructor(url: string)',
    '  pushAdd(params: { jobName: string }, callback: (error?: Error) => void): void',
    '  push(params: { jobName: string }, callback: (error?: Error) => void): void',
    '  delete(params: { jobName: string }, callback: (error?: Error) => void): void',
    '}',
    'export declare function linearBuckets(start: number, width: number, count: number): number[]',
    'export declare function exponentialBuckets(start: number, factor: number, count: number): number[]',
    ''
  ].join('\n')
  const pkg = (version: string): string =>
    manifest({ version, main: 'index.js', types: 'index.d.ts' })
  const base = {
    'package.json': pkg('1.0.0'),
    'index.d.ts': declaration,
    'index.js': [
      "exports.Pushgateway = require('./lib/pushgateway')",
      "exports.linearBuckets = require('./lib/buckets').linearBuckets",
      "exports.exponentialBuckets = require('./lib/buckets').exponentialBuckets",
      ''
    ].join('\n'),
    'lib/buckets.js': [
      'exports.linearBuckets = function linearBuckets(start, width, count) { return [start, width, count] }',
      'exports.exponentialBuckets = function exponentialBuckets(start, factor, count) { return [start, factor, count] }',
      ''
    ].join('\n'),
    'lib/pushgateway.js': [
      'class Pushgateway {',
      '  constructor(url, agent) { this.url = url; this.agent = agent }',
      '  pushAdd(params, callback) { send(this.url, params, callback) }',
      '  push(params, callback) { send(this.url, params, callback) }',
      '  delete(params, callback) { send(this.url, params, callback) }',
      '}',
      'function send(url, params, callback) { callback(null, url, params) }',
      'module.exports = Pushgateway',
      ''
    ].join('\n')
  }
  const head = {
    'package.json': pkg('2.0.0'),
    'index.d.ts': declaration,
    'index.js': [
      "exports.Pushgateway = require('./lib/pushgateway')",
      "exports.exponentialBuckets = require('./lib/buckets').exponentialBuckets",
      ''
    ].join('\n'),
    'lib/buckets.js': [
      'exports.exponentialBuckets = function exponentialBuckets(start, factor, count) { return [start, factor, count] }',
      ''
    ].join('\n'),
    'lib/pushgateway.js': [
      'class Pushgateway {',
      '  constructor(url) { this.url = url }',
      '  pushAdd(params) { return send(this.url, params) }',
      '  push(params) { return send(this.url, params, arguments[1]) }',
      '  delete(params, callback) { return send(this.url, params, callback) }',
      '}',
      'function send(url, params, callback) { if (callback) callback(null, url, params); return Promise.resolve(params) }',
      'module.exports = Pushgateway',
      ''
    ].join('\n')
  }

  it('a parameter the JavaScript no longer takes and an export it no longer has, under an unchanged declaration: breaks; one still read through `arguments`, one the declaration never offered: none', async () => {
    const { found, messages } = await breaksOf(base, head)
    expect(found).toEqual([
      "Function linearBuckets removed from the JavaScript while the declaration (index.d.ts:7) still declares it @index.js:2 at base: exports.linearBuckets = require('./lib/buckets').linearBuckets index.js at HEAD",
      'Pushgateway.pushAdd: parameter `callback` removed in the JavaScript, while the declaration (index.d.ts:3) is unchanged @lib/pushgateway.js:3'
    ])
    expect(found.join('\n')).not.toMatch(
      /Pushgateway\.push:|Pushgateway\.delete|exponentialBuckets/
    )
    const pushAdd = messages.find((m) => m.includes('pushAdd')) ?? ''
    expect(pushAdd).toContain(
      'At base: `pushAdd(params: any, callback: any): void` (lib/pushgateway.js:3)'
    )
    expect(pushAdd).toContain('at HEAD: `pushAdd(params: any)')
  })

  it('the same JavaScript change with the declaration changed too is reported once, from the declaration', async () => {
    const changed = declaration.replace(
      '  pushAdd(params: { jobName: string }, callback: (error?: Error) => void): void',
      '  pushAdd(params: { jobName: string }): Promise<void>'
    )
    const { found } = await breaksOf(base, { ...head, 'index.d.ts': changed })
    expect(found.filter((f) => f.includes('pushAdd'))).toEqual([
      'Pushgateway.pushAdd: parameter `callback` removed @index.d.ts:3'
    ])
  })
})
