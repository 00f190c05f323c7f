// Paths the loader skips as build output: build folders and copies of past releases kept beside the code.
import { isGeneratedPath } from '../../src/repo/path-rules.js'

describe('isGeneratedPath', () => {
  it.each([
    'dist/index.js',
    'packages/core/build/out.js',
    'web/builds/2.0.0/hogan-2.0.0.js',
    'web/1.0.0/hogan.js',
    'cdn/v3.2.1/lib.js',
    'api/service_pb2.py'
  ])('%s is build output', (path) => expect(isGeneratedPath(path)).toBe(true))

  it.each([
    'lib/compiler.js',
    'src/v1/api.ts',
    'src/2.0/compat.py',
    'web/app.js',
    'lib/builder.js'
  ])('%s is written code', (path) => expect(isGeneratedPath(path)).toBe(false))
})
