// Whether the repository is a program that serves requests (a WSGI/ASGI application, an HTTP server): its
// console script starts the server, and the values its handlers match come from whoever sends a request,
// not from the user who typed the command. Radicale, a CalDAV server with a `radicale` console script,
// was framed as a command-line tool whose PUT bodies were "its own user's configuration" (session 14,
// judged partly true for that framing).
import type { ModuleModel } from '../../src/model/types.js'

/** Python modules that start or implement a server. */
const PY_SERVER_IMPORT =
  /^(?:wsgiref(?:\.|$)|http\.server$|socketserver$|aiohttp\.web|tornado\.web|uvicorn$|hypercorn(?:\.|$))/

/** `createServer(...)` (node:http, net, https), a WSGI or ASGI callable, or a Python server it starts. */
export function servesRequests(modules: ModuleModel[]): boolean {
  return modules.some(
    (m) =>
      !m.isTest &&
      (m.imports.some((i) => m.language === 'python' && PY_SERVER_IMPORT.test(i.source)) ||
        m.calls.some((c) => c.name === 'createServer') ||
        m.functions.some((f) => {
          const names = f.params.map((p) => p.name)
          // WSGI's (environ, start_response); ASGI's (scope, receive, send): datasette, round 10.
          return (
            (names.includes('environ') && names.includes('start_response')) ||
            (names.includes('scope') && names.includes('receive') && names.includes('send'))
          )
        }))
  )
}
