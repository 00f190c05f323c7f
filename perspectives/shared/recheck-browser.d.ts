// recheck's browser build: the same analysis as its Node entry, with `checkSync` running the pure
// Scala.js checker in this thread (no worker file, no native binary, nothing to bundle beside it).
declare module 'recheck/lib/browser.js' {
  import type { Diagnostics, Parameters } from 'recheck'
  export function checkSync(source: string, flags: string, params?: Parameters): Diagnostics
}
