// External input used without validation: request bodies, file contents parsed as JSON/YAML/TOML,
// JSON from the environment and argv read by index, in a function where nothing validates it: no schema
// library call (zod parse/safeParse, joi/yup validate, ajv compile/validate, pydantic model_validate or
// Model(**data), marshmallow load, jsonschema.validate), no validate*/check*/assert* helper, no type
// check (typeof, instanceof, isinstance, Array.isArray, `in`) and no condition on the parsed value.
import type { CallSite, FunctionDecl } from '../../src/model/types.js'
import { selfMade } from '../shared/self-made.js'
import {
  type CheckInput,
  type Found,
  functionLines,
  type ModuleInfo,
  rootFunction,
  scopeCalls,
  whereText
} from './context.js'

type SourceKind = 'request body' | 'file contents' | 'environment JSON' | 'command-line argument'

const PARSERS = new Set([
  'JSON.parse',
  'json.loads',
  'json.load',
  'yaml.safe_load',
  'yaml.load',
  'YAML.parse',
  'yaml.parse',
  'toml.load',
  'toml.loads',
  'tomllib.load',
  'tomllib.loads',
  'JSON5.parse'
])
const FILE_READ = /readFileSync|readFile\(|\.read\(|\.read_text\(|open\(/
const ENV_READ = /process\.env|os\.environ|getenv/
const PARSE_RECEIVERS =
  /^(JSON|json|JSON5|yaml|YAML|toml|tomllib|path|url|URL|Date|qs|querystring|urllib\.parse|semver|csv|ast|shlex|dateutil\.parser|parser|argparse|self\.parser|this\.parser|program|cli)$/
const SCHEMA_METHODS = new Set([
  'safeParse',
  'safeParseAsync',
  'parseAsync',
  'validate',
  'validateSync',
  'validateAsync',
  'validate_json',
  'validate_python',
  'model_validate',
  'model_validate_json',
  'parse_obj',
  'parse_raw',
  'isValid',
  'is_valid',
  'compile',
  'assert',
  'is',
  'create',
  'cast',
  'decode',
  'check',
  'isinstance',
  'hasattr',
  'isArray',
  'hasOwnProperty',
  'hasOwn',
  'isPlainObject',
  'TypeAdapter',
  'validator'
])
const HELPER =
  /^(validate|check|assert|ensure|verify|sanitize|sanitise|is_valid|isValid|parse[A-Z_]|coerce|normali[sz]e)/
const TYPE_CHECK =
  /typeof\s|instanceof\s|isinstance\(|Array\.isArray|\bin\s|hasOwnProperty|Object\.hasOwn|\.get\(/
const BODY =
  /\b(req|request|ctx\.request|event)\.body\b|\brequest\.(json|form|get_json|data|POST|values)\b|\bawait\s+(req|request)\.json\(\)/
const ARGV = /\b(process|sys)\.argv\[\s*[1-9]/

function validates(call: CallSite): boolean {
  if (SCHEMA_METHODS.has(call.name)) return call.name !== 'decode' || !!call.receiver
  if (call.name === 'parse' && call.receiver && !PARSE_RECEIVERS.test(call.receiver)) return true
  if (call.name === 'load' && call.receiver && /schema/i.test(call.receiver)) return true
  // `_check_input_config(settings)`: a private helper is named the same way.
  if (HELPER.test(call.name.replace(/^_+/, ''))) return true
  // pydantic / dataclass construction from a mapping: Model(**data).
  return /^[A-Z]\w*$/.test(call.name) && call.args.some((a) => a.trim().startsWith('**'))
}

function checked(info: ModuleInfo, root: FunctionDecl | undefined, names: string[]): boolean {
  const conditions = info.module.conditions.filter(
    (c) => root && c.enclosing && info.rootOf.get(c.enclosing) === root
  )
  return conditions.some(
    (c) =>
      TYPE_CHECK.test(c.text) ||
      names.some((n) => n !== '' && new RegExp(`\\b${n.replace(/[.$]/g, '\\$&')}\\b`).test(c.text))
  )
}

const EXCEPTION_NAME = /(Error|Exception|Warning)$/

/**
 * A method of an exception class (flask's `DebugFilesKeyError.__init__` quoting the form's values in its
 * message, judged false in round 6): the request's values become text for a developer to read, they do not
 * flow on as data, so there is nothing for a schema to check.
 */
function inExceptionClass(info: ModuleInfo, root: FunctionDecl | undefined): boolean {
  if (!root?.className) return false
  if (EXCEPTION_NAME.test(root.className)) return true
  const cls = info.module.classes.find((c) => c.name === root.className)
  return !!cls && cls.bases.some((b) => EXCEPTION_NAME.test(b.replace(/\(.*$/, '').trim()))
}

/** Names that say the code exists to validate: `validators.py`, `jsonschema`, `class SchemaValidator`. */
const VALIDATOR_NAME = /valid|schema/i

/**
 * The code exists to validate: its module's file or top package, or its class or function, is named for
 * validation (jsonschema's cli.py loads the instance precisely to validate it, and validators.py hands a
 * retrieved schema on to be checked: "no validation" there was judged false in round 9). What a validator
 * loads is what it checks, and a "use a schema library" advice names the project itself.
 */
function inValidator(info: ModuleInfo, root: FunctionDecl | undefined): string | undefined {
  const parts = info.module.path.replace(/^src\//, '').split('/')
  const base = (parts[parts.length - 1] ?? '').replace(/\.[^.]+$/, '')
  if (VALIDATOR_NAME.test(base)) return `module ${base}`
  if (parts.length > 1 && VALIDATOR_NAME.test(parts[0])) return `package ${parts[0]}`
  if (root?.className && VALIDATOR_NAME.test(root.className)) return `class ${root.className}`
  if (root && VALIDATOR_NAME.test(root.name)) return `function ${root.name}`
  return undefined
}

export function checkInput(input: CheckInput): Found[] {
  const found: Found[] = []
  for (const info of input.modules) {
    const reported = new Set<string>()
    const add = (
      root: FunctionDecl | undefined,
      source: SourceKind,
      loc: { startLine: number; endLine: number },
      code: string,
      names: string[]
    ) => {
      const calls = scopeCalls(info, root)
      if (calls.some(validates) || checked(info, root, names)) return
      if (source === 'request body' && inExceptionClass(info, root)) return
      if (inValidator(info, root)) return
      const key = `${root?.qualifiedName ?? '<module>'}|${source}`
      if (reported.has(key)) return
      reported.add(key)
      const where = whereText(info, root)
      const severity = source === 'request body' ? 'medium' : 'low'
      found.push({
        info,
        fn: root,
        draft: {
          messageId: 'unvalidatedInput',
          data: {
            source,
            where,
            code: `\`${code.trim().slice(0, 80)}\``,
            schemas:
              info.dialect === 'python' ? 'pydantic, marshmallow, jsonschema' : 'zod, joi, yup, ajv'
          },
          severity,
          confidence: source === 'command-line argument' ? 'low' : 'medium',
          rationale: `Data from outside (${source}) has whatever shape the sender gave it. The check looked in ${root ? `${root.qualifiedName}()` : 'the module scope'} for a schema or validation call and for type checks or conditions on the value, and found none; validation in a caller cannot be seen.${source === 'request body' || source === 'command-line argument' ? ' The access was read from the source line inside the function, not from the parse tree.' : ''}`,
          evidence: input.quote.evidence(info.module.path, loc, 2),
          key,
          symbol: root?.qualifiedName,
          tags: ['input-validation']
        },
        spec: { source }
      })
    }
    for (const call of info.module.calls) {
      if (!PARSERS.has(call.callee)) continue
      // The package's own file (`JSON.parse(readFileSync(__dirname + '/../package.json'))`): its
      // shape ships with the code, so there is nothing from outside to validate.
      if (selfMade(info.module, call)) continue
      const arg = call.args.join(', ')
      const source: SourceKind | undefined =
        call.callee === 'json.load' ||
        call.callee === 'tomllib.load' ||
        call.callee === 'toml.load' ||
        FILE_READ.test(arg)
          ? 'file contents'
          : ENV_READ.test(arg)
            ? 'environment JSON'
            : undefined
      if (!source) continue
      add(
        rootFunction(info, call),
        source,
        call.loc,
        input.quote.line(info.module.path, call.loc.startLine),
        [call.assignedTo ?? '']
      )
    }
    for (const root of new Set(info.rootOf.values())) {
      for (const { line, text } of functionLines(input.quote, info, root)) {
        if (BODY.test(text))
          add(root, 'request body', { startLine: line, endLine: line }, text, ['body'])
        else if (ARGV.test(text))
          add(root, 'command-line argument', { startLine: line, endLine: line }, text, ['argv'])
      }
    }
  }
  return found
}
