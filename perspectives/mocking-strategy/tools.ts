// The tool that fakes each kind of seam, per test framework, named in the seam table and findings.
import type { TestFramework } from '../../src/specs/types.js'
import type { SeamKind } from './catalogue.js'

const JS_TIMERS: Record<Exclude<TestFramework, 'pytest'>, string> = {
  jest: 'jest.useFakeTimers() + jest.setSystemTime()',
  vitest: 'vi.useFakeTimers() + vi.setSystemTime()',
  'node:test': "node:test mock.timers.enable({ apis: ['Date', 'setTimeout'] })",
  mocha: 'sinon.useFakeTimers()'
}

const JS_SPY: Record<Exclude<TestFramework, 'pytest'>, string> = {
  jest: 'jest.spyOn',
  vitest: 'vi.spyOn',
  'node:test': 'mock.method',
  mocha: 'sinon.stub'
}

/** The tool for a seam, given the framework and (for Python network) the client package. */
export function toolFor(
  kind: SeamKind,
  framework: TestFramework,
  python: boolean,
  source?: string
): string {
  if (python) {
    switch (kind) {
      case 'network':
        if (source === 'httpx') return 'respx'
        if (source === 'aiohttp') return 'aioresponses'
        if (source === 'requests') return 'responses'
        return 'a local HTTP server (http.server on 127.0.0.1) or responses/respx'
      case 'filesystem':
        return 'the tmp_path fixture (tempfile.TemporaryDirectory)'
      case 'clock':
        return 'freezegun (or monkeypatch of time.time)'
      case 'randomness':
        return 'random.seed() / monkeypatch of the generator'
      case 'environment':
        return 'monkeypatch.setenv / delenv'
      case 'database':
        return 'a real database in a container (testcontainers) or sqlite in memory'
      case 'process':
        return 'monkeypatch of subprocess.run, or a real script in tmp_path'
      case 'sdk':
        return source?.startsWith('boto')
          ? 'moto (or botocore Stubber)'
          : 'an adapter the project owns, faked in tests'
    }
  }
  const fw = framework === 'pytest' ? 'jest' : framework
  switch (kind) {
    case 'network':
      return 'msw (setupServer) or nock'
    case 'filesystem':
      return 'a temporary directory (fs.mkdtemp)'
    case 'clock':
      return JS_TIMERS[fw]
    case 'randomness':
      return `${JS_SPY[fw]}(Math, 'random') or a seeded generator passed in`
    case 'environment':
      return 'process.env set and restored'
    case 'database':
      return 'a real database in a container (testcontainers) or an in-memory fake'
    case 'process':
      return 'a real script in a temporary directory, or an injected runner'
    case 'sdk':
      return source?.startsWith('@aws-sdk/')
        ? 'aws-sdk-client-mock, behind an adapter the project owns'
        : 'an adapter the project owns, faked in tests'
  }
}
