// The language-neutral code model (BRIEF section 5). Built once per run, read by every perspective.
// Lines and columns are 1-based. Paths are repository-relative with forward slashes.

export type Language =
  | 'typescript'
  | 'tsx'
  | 'javascript'
  | 'jsx'
  | 'python'
  | 'go'
  | 'java'
  | 'rust'
  | 'ruby'
  | 'csharp'
  | 'php'
  | 'other'

export interface Location {
  startLine: number
  startColumn: number
  endLine: number
  endColumn: number
}

export interface ImportedName {
  /** The exported name taken from the source: a name, 'default' or '*'. */
  imported: string
  /** The local binding. */
  local: string
}

export interface ImportDecl {
  /** The module specifier as written: './util', 'node:fs', 'os.path', '..pkg.mod'. */
  source: string
  names: ImportedName[]
  kind: 'esm' | 'require' | 'dynamic' | 'python' | 'other'
  typeOnly: boolean
  loc: Location
  /** Repository-relative path of the imported module when it is inside the repository. */
  resolved?: string
}

export interface ExportDecl {
  /** The exported name ('default' for a default export). */
  name: string
  /** The local declaration it refers to, when different from name. */
  local?: string
  kind: 'function' | 'class' | 'variable' | 'type' | 'reexport' | 'default' | 'commonjs' | 'all'
  /** For re-exports: the module it comes from. */
  source?: string
  loc: Location
}

export interface Parameter {
  name: string
  type?: string
  defaultValue?: string
  optional: boolean
  rest: boolean
  /** Python: keyword-only / positional-only parameters. */
  keywordOnly?: boolean
  positionalOnly?: boolean
  /** Python: the `**kwargs` parameter (the name is kept without the stars). */
  kwargs?: boolean
}

export type FunctionKind =
  'function' | 'method' | 'arrow' | 'constructor' | 'getter' | 'setter' | 'lambda'

export interface FunctionDecl {
  name: string
  /** Dotted name inside the module: `Class.method`, `outer.inner`. Unique within a module (a `#n` suffix disambiguates). */
  qualifiedName: string
  kind: FunctionKind
  params: Parameter[]
  returnType?: string
  async: boolean
  generator: boolean
  /** Reachable by other modules: exported (ES/CommonJS), or public by Python convention/`__all__`. */
  exported: boolean
  className?: string
  loc: Location
  /** McCabe cyclomatic complexity: 1 + decision points. */
  complexity: number
  /** Lines of code in the body (end - start + 1). */
  lines: number
  decorators?: string[]
  /** The body only raises NotImplementedError / throws "not implemented" (an interface to override). */
  raisesNotImplemented?: true
  /** A method whose body does nothing (`pass`, `...`, a docstring, `{}`): a hook for subclasses. */
  emptyBody?: true
  /** Calls of this function from the repository, resolved by name through imports (filled after linking). */
  callers?: CallerRef[]
}

export interface ClassMember {
  name: string
  kind: 'method' | 'property' | 'constructor' | 'getter' | 'setter'
  static: boolean
  visibility: 'public' | 'protected' | 'private'
  loc: Location
}

export interface ClassDecl {
  name: string
  qualifiedName: string
  exported: boolean
  bases: string[]
  /** TypeScript: the `implements` entries among `bases`, as written there; absent when none. */
  implements?: string[]
  members: ClassMember[]
  loc: Location
}

/**
 * A condition that holds (or fails) wherever a site runs, inside its function: what guards the site.
 * - `if` / `else`: an enclosing branch (`holds` false for the else side, and for earlier if/elif conditions);
 * - `early-exit`: an `if (cond) return|throw|continue|break` before the site in an enclosing block (`holds` false);
 * - `assert`: a Python `assert cond` before the site (`holds` true);
 * - `and` / `or` / `nullish`: the site is the right side of `&&`/`and` (`holds` true), `||`/`or` or `??` (`holds` false);
 * - `default`: a default given before the site (`x ||= v`, `x ??= v`, `x = x || v`, `x = x or v`,
 *   `if x is None: x = v`) or in the site's own receiver (`(x || {}).f()`); `text` names what was defaulted;
 * - `optional-chain`: the site's receiver chain short-circuits (`a?.b.f()`): `text` is the part before `?.`;
 * - `ternary`: a branch of `c ? a : b` / `a if c else b`; `loop`: a loop's condition; `case`: a switch/match case.
 */
export interface SiteGuard {
  kind:
    | 'if'
    | 'else'
    | 'early-exit'
    | 'assert'
    | 'and'
    | 'or'
    | 'nullish'
    | 'default'
    | 'optional-chain'
    | 'ternary'
    | 'loop'
    | 'case'
  /** The condition's text (capped at 200 characters). */
  text: string
  /** True when the site runs only where the condition holds; false where it fails. */
  holds: boolean
  line: number
}

/** What a handler does with what it catches. */
export type HandlerAction =
  /** Throws the caught error again (`throw e`, bare `raise`). */
  | 'rethrow'
  /** Throws an error of its own (`throw new AppError(...)`, `raise X from e`). */
  | 'convert'
  /** Only logs (console.*, logger.*, print, warnings.warn). */
  | 'log-only'
  /** Returns a value instead (`return null`, `return default`). */
  | 'return-default'
  /** Does nothing (empty, `pass`, `continue`). */
  | 'swallow'
  /** Anything else: the handler deals with it. */
  | 'handle'

/** The nearest try whose protected body holds a site, in the same function. */
export interface TryContext {
  handlers: {
    /** Caught types (Python except clauses, TS has none); empty means everything. */
    types: string[]
    action: HandlerAction
  }[]
  hasFinally: boolean
  line: number
}

/** What dominates a site inside its function; filled by the JS/TS and Python extractors. */
export interface SiteContext {
  /** Innermost first. */
  guards: SiteGuard[]
  try?: TryContext
  /**
   * The innermost block holding the site ends by leaving: its last statement returns, throws or breaks
   * (a function's own body only by a throw). Code there runs once on its way out of a loop.
   */
  leaves?: 'return' | 'throw' | 'break'
}

/** One argument of a call, by what it is rather than its text. */
export interface CallArgument {
  kind:
    | 'literal'
    | 'identifier'
    | 'member'
    | 'call'
    | 'template'
    | 'object'
    | 'array'
    | 'function'
    | 'spread'
    | 'other'
  /** The argument's text (capped at 200 characters). */
  text: string
  /** For literals: the value (strings unquoted; `undefined`/`None` give null). */
  value?: string | number | boolean | null
  /** Python keyword arguments: the keyword (`timeout` in `timeout=5`). */
  keyword?: string
  /** For function arguments (JS/TS callbacks): where the function is. */
  loc?: Location
}

/** A call of a repository function from elsewhere in the repository (see FunctionDecl.callers). */
export interface CallerRef {
  path: string
  /** Qualified name of the calling function; absent at module level. */
  enclosing?: string
  line: number
  /** The call sits in the protected body of a try with a handler that does not rethrow: the caller deals with a failure. */
  handled: boolean
  /** When handled: the types those handlers catch (Python); empty means everything (JS/TS, bare `except`). */
  catches?: string[]
}

export interface CallSite {
  /** Full callee text: `fs.readFileSync`, `JSON.parse`, `self.client.get`. */
  callee: string
  /** The last segment: `readFileSync`. */
  name: string
  /** Text of the receiver expression, if any: `fs`, `self.client`. */
  receiver?: string
  /** Each argument's source text (truncated to 200 characters). */
  args: string[]
  /** Keyword argument names (Python `shell=True` gives 'shell'), in order. */
  keywords?: string[]
  awaited: boolean
  /** `new X(...)`. */
  isNew: boolean
  /** Qualified name of the innermost enclosing function, if any. */
  enclosing?: string
  /** The call is a statement of its own (`f();`, Python `f()`): its result, a promise included, is dropped. */
  statement?: boolean
  /** The plain name its result is bound to: `const s = f()`, `s = f()`, `s = await f()`, Python `s = f()`. */
  assignedTo?: string
  /**
   * JS/TS: the plain name bound to an expression the call is part of, when the call is not the whole
   * value: `const id = Math.random() * 1e6` gives Math.random `id` (calls in nested functions excluded).
   */
  boundWithin?: string
  /**
   * JS/TS: the member or subscript the call's whole value is stored at (`this.sessions[id] =
   * JSON.stringify(s)` gives `this.sessions[id]`), so a reader can pair what a module keeps with what it
   * reads back.
   */
  storedAt?: string
  /** Python: the context expression of a `with` item (`with open(p) as f:`), so the resource is closed. */
  managed?: boolean
  /** The guards and the try that dominate the call in its function (JS/TS, Python). */
  context?: SiteContext
  /** The arguments by kind (JS/TS, Python); `args` keeps their text. */
  arguments?: CallArgument[]
  loc: Location
}

export interface ThrowSite {
  /** `Error`, `ValueError`, ... when it can be read from the expression. */
  errorType?: string
  /** The message when it is a string literal. */
  message?: string
  /** The thrown expression's text. */
  text: string
  /** Text of the condition of the nearest enclosing if, when the throw sits in one. */
  guard?: string
  /** A bare re-raise (`raise` / `throw err` of the caught binding). */
  rethrow: boolean
  /** Python `raise X(...) from e`: the text after `from` (`e`, `None`). */
  cause?: string
  enclosing?: string
  /** The guards and the try that dominate the throw in its function (JS/TS, Python). */
  context?: SiteContext
  loc: Location
}

export interface CatchHandler {
  /** The bound name (`e` in `catch (e)` / `except X as e`). */
  param?: string
  /** Caught types (Python except clauses); empty means everything. */
  types: string[]
  /** Python `except:` with no type. */
  bare: boolean
  empty: boolean
  /** The body only logs (console.*, logger.*, print). */
  onlyLogs: boolean
  rethrows: boolean
  /** The body only passes / continues / returns nothing. */
  swallows: boolean
  loc: Location
}

export interface TryBlock {
  handlers: CatchHandler[]
  hasFinally: boolean
  /** Python `try: ... except X: ... else: ...`: the body is a test, the handler its "no" branch. */
  hasElse?: boolean
  enclosing?: string
  loc: Location
}

export interface Comparison {
  /** `>`, `>=`, `<`, `<=`, `==`, `===`, `!=`, `!==`, `in`, `not in`, `is`, `is not`. */
  operator: string
  left: string
  right: string
  /** The literal compared against, when one side is a literal. */
  literal?: string | number | boolean | null
  literalSide?: 'left' | 'right'
  /** The literal is a BigInt (`0n`): `literal` then holds its digits as written, with the `n`. */
  literalBigint?: true
}

export interface Condition {
  kind: 'if' | 'elif' | 'while' | 'for' | 'ternary' | 'case' | 'match' | 'guard'
  text: string
  comparisons: Comparison[]
  enclosing?: string
  loc: Location
}

export interface Loop {
  kind: 'for' | 'for-of' | 'for-in' | 'while' | 'do-while' | 'comprehension' | 'loop'
  /** Loop nesting depth within its function: 1 for an outermost loop. */
  depth: number
  /** The iterated expression (`items` in `for (x of items)`, `range(n)` in Python). */
  iterates?: string
  /** The loop header's text, e.g. `for (let i = 0; i <= a.length; i++)`. */
  header: string
  /** Contains an `await` directly in its body (not in nested functions). */
  hasAwait: boolean
  /** A comprehension with an `if` clause (Python): it keeps a subset of what it walks. */
  filtered?: true
  /** Python: the one plain name the loop binds on each pass (`g` in `for g in m.groups()`); absent for unpacking. */
  variable?: string
  /**
   * Python comprehensions: the whole comprehension, where `variable` is visible (`loc` is only its
   * `for ... in ...` clause, and the element before it uses the variable).
   */
  extent?: Location
  enclosing?: string
  loc: Location
}

export interface SwitchStatement {
  discriminant: string
  cases: string[]
  hasDefault: boolean
  kind: 'switch' | 'match'
  enclosing?: string
  loc: Location
}

export interface StringLiteral {
  value: string
  enclosing?: string
  loc: Location
  /** TypeScript: a string in a type (`as 'validateAt'`, `Schema['oneOf']`), which looks nothing up. */
  inType?: true
}

/** A regular expression literal (`/a+b/gi` in JavaScript/TypeScript). */
export interface RegexLiteral {
  /** The pattern between the slashes, as written (capped at 1,000 characters). */
  pattern: string
  flags: string
  enclosing?: string
  loc: Location
}

/**
 * An assignment inside a function (Python): augmented assignments (`s += x`), subscript stores
 * (`cache[key] = value`), and plain `name = value` / `self.attr = value` when the value is a string or
 * a container (what a look-up's cost depends on). Other plain rebinding is not recorded.
 */
export interface AssignmentSite {
  /** The target's text: `s`, `cache[key]`, `self.total` (capped at 200 characters). */
  target: string
  /** The root name written through: `s`, `cache`, `self`. */
  name: string
  /** `=` for subscript stores, else the augmented operator (`+=`, `|=`...). */
  operator: string
  /**
   * What the parser sees the value is: 'string' (a string or f-string, `str()`/`format()`/`join()`/`repr()`, or `+` with
   * one), 'list' / 'tuple' / 'set' / 'dict' (a literal, a comprehension, or a `list()`/`set()`/`dict()`... call), else 'other'.
   */
  valueKind: 'string' | 'list' | 'tuple' | 'set' | 'dict' | 'other'
  enclosing?: string
  loc: Location
}

/**
 * A value bound to a plain local name, with the value's text: what lets a reader follow a value copied into
 * a local (`const cmd = 'ls ' + dir` then `exec(cmd)`). JavaScript/TypeScript: `const/let/var x = value`
 * anywhere, and `x = value` / `x += value` inside a function (named or not); Python: `x = value`,
 * `x: T = value` and `x += value` inside a function or at module level (not in a class body). Each name of
 * a destructuring or unpacking target (`const { a, b: c } = v`, `a, b = v`) gets a binding with the whole
 * value. Not recorded: declarations without a value, values that are functions or classes (they are in
 * `functions`/`classes`), attribute, member and subscript targets, loop variables and `with … as` names.
 */
export interface LocalBinding {
  /** The bound name. */
  name: string
  /** `=` for a declaration or plain assignment, else the augmented operator (`+=`, `||=`...): the value adds to the old one. */
  operator: string
  /** The right-hand side as written (`await f(x)` keeps its `await`), capped at 300 characters; a cut ends with `…`. */
  value: string
  /** Qualified name of the innermost enclosing named function; absent at module level and in callbacks outside any. */
  enclosing?: string
  /**
   * The innermost part of its function that may not run whenever the function reaches it: an if/elif/else
   * branch, a ternary branch, a loop, a catch/except clause. Absent when the binding is not inside one.
   */
  branch?: Location
  /** The whole declarator or assignment: the binding holds from its end. */
  loc: Location
  /**
   * Python: the name's position in a flat unpacking target (`start, end = m.groups()` gives `end` 1), so
   * a reader knows which element of the value it holds. Absent for a plain target or a nested one.
   */
  element?: number
}

/** A local name handed on whole: returned, yielded, or stored on an attribute (see ModuleModel.handedOn). */
export interface HandedOn {
  name: string
  how: 'return' | 'yield' | 'attribute'
  /** Qualified name of the innermost enclosing named function. */
  enclosing?: string
  line: number
}

export interface ModuleVariable {
  name: string
  /** How it is declared: `const`, `let`, `var`, or `assignment` (Python). */
  declaration: 'const' | 'let' | 'var' | 'assignment'
  /** What the initialiser builds: a collection is mutable state even behind `const`. */
  initKind: 'array' | 'object' | 'map' | 'set' | 'literal' | 'call' | 'other' | 'none'
  /** Can change after load: `let`/`var`, a mutable collection, or a Python module global. */
  mutable: boolean
  exported: boolean
  loc: Location
}

export interface TestCase {
  name: string
  kind: 'test' | 'suite'
  modifier?: 'only' | 'skip' | 'todo'
  loc: Location
}

export interface TestFileInfo {
  framework:
    | 'jest'
    | 'vitest'
    | 'mocha'
    | 'node:test'
    | 'ava'
    | 'pytest'
    | 'unittest'
    // Other languages (generic extractor).
    | 'go-test'
    | 'junit'
    | 'cargo-test'
    | 'rspec'
    | 'minitest'
    | 'xunit'
    | 'nunit'
    | 'mstest'
    | 'phpunit'
    | 'unknown'
  cases: TestCase[]
  /** Repository-relative paths of source modules this test imports. */
  importedModules: string[]
  /** Imported or referenced symbols that are exported by those modules. */
  referencedSymbols: string[]
  /**
   * `ns.member` read through a namespace or whole-module import (`import * as ns`, `const ns = require()`),
   * as written; filled by extractors that know them, turned into referencedSymbols by build.ts.
   */
  memberReferences?: string[]
  /**
   * JS/TS: the test-structure globals the file calls by name (`describe`, `it`, `suite`, `test`, `setup`,
   * `before`...), sorted: which of mocha's interfaces (bdd, tdd) it is written in.
   */
  globals?: string[]
}

/**
 * A read of an environment variable that is not a call: `process.env.X`, `process.env['X']`,
 * `const { X } = process.env` (JS) and `os.environ['X']` (Python). Calls such as `os.getenv('X')` or
 * `os.environ.get('X', d)` are in `calls` already.
 */
export interface EnvRead {
  /** The variable's name, when written as a literal (`X`); `*` for a computed name. */
  name: string
  /** A fallback is given where it is read: `?? d`, `|| d`, a destructuring default. */
  hasDefault: boolean
  /**
   * Turned into a boolean or compared where it is read (`Boolean(process.env.X)`, `!!process.env.X`,
   * `process.env.X === '1'`): unset is false, or "not equal", by design.
   */
  asFlag?: boolean
  enclosing?: string
  loc: Location
}

/**
 * A JSX element (`.jsx`, `.tsx`, and `.js` files parsed with the JavaScript grammar): what the
 * user-experience perspective needs to judge accessibility. Fragments (`<>...</>`) are not recorded.
 */
export interface JsxElement {
  /** The tag as written: `img`, `button`, `Button`, `Foo.Bar`. */
  name: string
  /** Attribute names in source order; a spread (`{...props}`) is `...`. */
  attributes: string[]
  /**
   * Attributes whose value is a literal: `alt="x"` and `alt={'x'}` give `x`, `tabIndex={0}` gives `0`,
   * a bare attribute (`disabled`) gives `true`. Values capped at 200 characters.
   */
  values: Record<string, string>
  /** Somewhere inside: non-blank text or an expression child (`{label}`), which may render text. */
  hasText: boolean
  /** Qualified name of the innermost enclosing function (the component), if any. */
  enclosing?: string
  loc: Location
}

export type ParseStatus = 'parsed' | 'partial'

export interface ModuleModel {
  path: string
  language: Language
  lines: number
  bytes: number
  status: ParseStatus
  /** Count of syntax-error nodes found by the parser (for TypeScript/JavaScript the compiler's count when it was asked). */
  syntaxErrors: number
  /** How the module was read when it was not the plain way (e.g. with the TypeScript compiler's help). */
  notes?: string[]
  imports: ImportDecl[]
  exports: ExportDecl[]
  functions: FunctionDecl[]
  classes: ClassDecl[]
  calls: CallSite[]
  throws: ThrowSite[]
  tries: TryBlock[]
  conditions: Condition[]
  loops: Loop[]
  switches: SwitchStatement[]
  strings: StringLiteral[]
  /** Python docstrings' first and last lines (they are not in `strings`); absent when there are none. */
  docstrings?: Array<[number, number]>
  /** Regular expression literals (JavaScript/TypeScript); absent when the extractor has none to report. */
  regexes?: RegexLiteral[]
  /** Writes inside functions (Python): augmented assignments and subscript stores; absent when none were read. */
  assignments?: AssignmentSite[]
  /**
   * Values bound to plain local names (JavaScript/TypeScript and Python), in source order, at most 20,000 per
   * module; absent when the extractor records none (other languages) or there are none.
   */
  bindings?: LocalBinding[]
  /**
   * Plain local names a function hands on whole (Python): `return sock`, `yield sock`, `self.sock = sock`;
   * what lets a reader see that a resource opened into the name now belongs to the caller or the object.
   * Absent when none were read.
   */
  handedOn?: HandedOn[]
  variables: ModuleVariable[]
  /** Python `__all__` when declared. */
  all?: string[]
  /** Python `if __name__ == "__main__":` or a `#!` line. */
  hasMain: boolean
  isTest: boolean
  test?: TestFileInfo
  /** Environment variable reads that are not calls; absent when there are none. */
  envReads?: EnvRead[]
  /**
   * Python: keys read from a function's `**kwargs` parameter by subscript (`kwargs['x']`, with a
   * string key), so the keyword arguments it takes by name are known; absent when there are none.
   */
  kwargsReads?: { param: string; key: string; enclosing: string; loc: Location }[]
  /**
   * Python: functions whose `**kwargs` is used other than by those reads, `.get`/`.pop`/`.setdefault`
   * with a key, or `**kwargs` handed to a call (stored, iterated, returned, used in a nested function):
   * the keywords it takes cannot all be known. Absent when there are none.
   */
  kwargsEscapes?: { param: string; enclosing: string }[]
  /** Python: `setup(entry_points={'console_scripts': ['name = module:func']})` in this file, by name. */
  consoleScripts?: Record<string, string>
  /** JSX elements in document order (at most 5,000 per module); absent when the module has none. */
  jsxElements?: JsxElement[]
  /**
   * Line ranges the project excludes from coverage with a pragma comment (`# pragma: no cover`,
   * `istanbul ignore next/if/else/file`, `c8 ignore ...`, `v8 ignore ...`); absent when there are none.
   */
  coverageIgnored?: CoverageIgnore[]
  /**
   * Names the file uses (calls, reads, passes on, reads as attributes), from the parser's identifiers,
   * without those it defines, imports or re-exports; sorted. Absent for other languages.
   */
  namesUsed?: string[]
  /**
   * Names the file uses in a way that may run them, with the lines of their uses (not exports, object
   * keys, keyword names or parameters): the reach graph places each use in its function. Absent for
   * other languages.
   */
  nameUseLines?: Record<string, number[]>
  /**
   * Member uses whose receiver's type is known locally (`x = Foo()` then `x.m()`, `p: Foo`, `self.a = Foo()`
   * then `self.a.m()`), keyed `<fact>.<member>` with the fact as written: `call:Foo`, `call:mod.make`,
   * `new:Foo`, `ann:Foo`; these uses are not in `nameUseLines`. Absent when there are none.
   */
  typedUseLines?: Record<string, number[]>
  /** Functions every `return` of which builds the same thing, by name: `make` -> `call:Foo` / `new:Foo`. */
  factories?: Record<string, string>
  /**
   * Values of locally known type handed to a call, keyed `<fact>><callee root name>` (`new:Handler>Parser`
   * for `new Parser(handler)`), with the call's lines. Absent when there are none.
   */
  handedLines?: Record<string, number[]>
  /**
   * Fields this module's extractor leaves empty although the type has them, e.g. `calls.context`,
   * `calls.arguments`, `throws.context` for the generic extractor: absent means all are filled.
   */
  unfilled?: string[]
}

/** A range of lines a coverage pragma comment excludes, with the pragma as written. */
export interface CoverageIgnore {
  startLine: number
  endLine: number
  pragma: string
}

// ---- repository facts ----

export type SkipReason =
  | 'ignored'
  | 'vendored'
  | 'generated'
  | 'minified'
  | 'binary'
  | 'too-large'
  | 'excluded'
  | 'symlink'
  | 'unreadable'
  | 'unsupported'

export interface SourceFile {
  path: string
  language: Language
  bytes: number
  /** The file's text (UTF-8 decoded; invalid bytes replaced). */
  text: string
}

export interface LoadedRepository {
  root: string
  files: SourceFile[]
  /** Files not analysed, by reason, with up to 20 examples each. */
  skipped: Record<SkipReason, { count: number; examples: string[] }>
  /** Every path considered (kept for facts: manifests, CI files, reports). */
  allPaths: string[]
  /** How the files were listed: `git ls-files`, or a directory walk honouring .gitignore. */
  listedBy?: 'git' | 'walk'
  /** Things the user should know about the listing (e.g. why git could not be used). */
  notes?: string[]
  /** Every path skipped as vendored, generated or minified (the product surface classifies them). */
  skippedPaths?: { vendored: string[]; generated: string[] }
}

export interface PackageManifest {
  path: string
  kind:
    | 'package.json'
    | 'pyproject.toml'
    | 'setup.cfg'
    | 'setup.py'
    | 'requirements'
    | 'go.mod'
    | 'Cargo.toml'
    | 'pom.xml'
  name?: string
  version?: string
  dependencies: string[]
  devDependencies: string[]
  scripts: Record<string, string>
  /** package.json `bin` / pyproject `[project.scripts]`: command name to file or entry. */
  bin: Record<string, string>
  main?: string
  /** package.json `types` (or `typings`): the type declarations the package ships. */
  types?: string
  /** package.json `exports` kept as parsed JSON. */
  exports?: unknown
  type?: string
  engines: Record<string, string>
  workspaces: string[]
  /** pyproject `requires-python`. */
  requiresPython?: string
  /** package.json `module` (the ESM build for bundlers). */
  module?: string
  /** package.json `peerDependencies`: name to range. */
  peerDependencies?: Record<string, string>
  /** pyproject `[project.optional-dependencies]`: extra name to its requirements. */
  extras?: Record<string, string[]>
  /** pyproject `[project.entry-points.<group>]`: group to entry name to object reference. */
  entryPoints?: Record<string, Record<string, string>>
  /** package.json `files`: what the published package contains (globs relative to the manifest's folder). */
  files?: string[]
  /** package.json `private: true`: never published. */
  private?: boolean
  /**
   * Python packages and modules the manifest declares (folders or `.py` files relative to its folder): setuptools
   * `packages`/`py-modules`/`packages.find.where`, hatch wheel `packages`, poetry `packages`, flit's module.
   * `*`: every package folder (setup.cfg `packages = find:` in its own folder), no module beside them.
   */
  packages?: string[]
  /** Why the manifest could only be read in part (malformed file); the other fields hold what could be read. */
  error?: string
  /**
   * Tools configured in the manifest, by name: pyproject `[tool.X]` tables (pytest, coverage, mypy, ruff...)
   * and setup.cfg tool sections (`[tool:pytest]`, `[flake8]`, `[mypy]`, `[coverage:run]`). Absent when none.
   */
  tools?: string[]
}

export interface CiFile {
  path: string
  system:
    'github-actions' | 'gitlab-ci' | 'circleci' | 'azure-pipelines' | 'jenkins' | 'travis' | 'other'
  text: string
}

export interface FileCoverage {
  path: string
  linesFound: number
  linesHit: number
  branchesFound: number
  branchesHit: number
  /** Line numbers with zero hits. */
  uncoveredLines: number[]
  /** Line numbers with hits (absent in models built before it was recorded). */
  coveredLines?: number[]
  /** Lines the coverage tool excluded by the project's configuration (coverage.py `excluded_lines`). */
  excludedLines?: number[]
  functions: { name: string; line: number; hits: number; excluded?: boolean }[]
  /**
   * The file did not run itself: a build of the same source did (ejs's `lib/cjs/ejs.js` for the shipped
   * `lib/esm/ejs.js`), and its functions are matched by name. No line is claimed.
   */
  through?: string
}

export interface CoverageReport {
  path: string
  format: 'lcov' | 'istanbul-json' | 'cobertura' | 'coverage.py-json' | 'v8'
  /** Modification time of the report, ISO 8601. */
  modified?: string
  files: FileCoverage[]
  /**
   * Why the measurement is partial (the suite failed, or another runner than the project's ran it):
   * what it shows ran did run; "never ran" is not certain, so claims built on it are not high.
   */
  partial?: string
  /** Made by this run, by running the project's suite under coverage: not a file in the workspace. */
  measured?: boolean
  /**
   * Tests the measured run skipped (pytest's `-rs` summary: `importorskip`, `skipif` on this
   * interpreter): the test files they are in and how many. What only they reach did not run here but
   * may in the project's CI, so it is not "never ran" for certain.
   */
  skippedTests?: { count: number; files: string[] }
}

export interface JUnitCase {
  suite: string
  name: string
  file?: string
  seconds: number
  status: 'passed' | 'failed' | 'skipped' | 'error'
}

export interface FileHistory {
  commits: number
  authors: number
  /** ISO 8601 date of the last change. */
  lastChange: string
}

export interface GitHistory {
  available: boolean
  shallow: boolean
  /** Commits examined (bounded by the history window). */
  commitsExamined: number
  windowDays: number
  head?: string
  branch?: string
  files: Record<string, FileHistory>
  /** Why history is missing or partial, in words a user can act on. */
  note?: string
}

export interface RepositoryFacts {
  manifests: PackageManifest[]
  ci: CiFile[]
  /**
   * GitHub action metadata files (`action.yml` / `action.yaml`) anywhere in the repository, with their text:
   * the local actions that workflows call with `uses: ./path`. Not CI by themselves, so not in `ci`.
   */
  actions?: CiFile[]
  /** Paths of lock files and tool configuration files (tsconfig.json, pytest.ini, tox.ini, .nvmrc...), sorted. */
  toolFiles?: string[]
  coverage: CoverageReport[]
  junit: JUnitCase[]
  git: GitHistory
  /** tsconfig `paths` (alias pattern to target patterns), from the root tsconfig.json. */
  tsPaths: Record<string, string[]>
  /** What could not be read (malformed reports, unreadable files), in words a user can act on. */
  notes?: string[]
  /** Test runner configurations found at the repository root (src/repo/test-config.ts). */
  testConfigs?: TestRunnerConfig[]
  /** tox environments and Makefile targets with their commands (src/repo/task-commands.ts). */
  taskCommands?: TaskCommands[]
  /** What the project's coverage configuration includes and leaves out (src/repo/coverage-config.ts). */
  coverageScopes?: CoverageScope[]
  /** Test files that cannot run where the tool runs (src/model/test-loading.ts): they give no reach. */
  unloadableTests?: UnloadableTest[]
  /** Python code under a version or platform check this interpreter does not take (src/model/platform-branches.ts). */
  notTakenBranches?: NotTakenBranch[]
}

/** Lines under a version or platform check not taken where the tool runs: they run only elsewhere. */
export interface NotTakenBranch {
  path: string
  startLine: number
  endLine: number
  /** Only these names' uses are not taken on those lines (the other side of `isWindows ? a : b`). */
  names?: string[]
  /** `runs only where \`sys.version_info < (3, 8)\` holds (not on Python 3.11 on linux, where the tool ran)`. */
  runsOn: string
}

/** A test file whose imports do not resolve here, with what is missing. */
export interface UnloadableTest {
  path: string
  /** Import names the interpreter cannot find, or JS specifiers Node cannot resolve (`x (not exported by y)`). */
  missing: string[]
  /** The conftest or test helper that cannot load, when the file itself could. */
  via?: string
  /** Python: only `pytest.importorskip` targets are missing, so its tests are skipped, not failing. */
  skipped?: true
}

/** One coverage tool's file scope as configured: globs (coverage.py: fnmatch patterns) and jest regexes. */
export interface CoverageScope {
  /** The file it was read from; a manifest key is written `package.json#c8`. */
  file: string
  tool: 'vitest' | 'jest' | 'c8' | 'nyc' | 'coverage.py'
  /** Files measured (a `!`-prefixed entry leaves files out); absent means all. */
  include?: string[]
  /** Files left out. */
  exclude?: string[]
  /** jest `coveragePathIgnorePatterns`: regular expressions over the path (`<rootDir>` allowed). */
  ignorePatterns?: string[]
}

/** The commands a task runner's configuration gives each environment or target. */
export interface TaskCommands {
  /** tox.ini, setup.cfg, pyproject.toml, pytest.ini, noxfile.py or Makefile. */
  file: string
  /** `pytest`: its `addopts` (task `addopts`), which every pytest command adds to its own words. */
  tool: 'tox' | 'nox' | 'make' | 'pytest'
  /** Environment, session or target name -> its commands (a Makefile target's prerequisites' recipes first). */
  tasks: Record<string, string[]>
  /** What runs when none is named: tox's env_list, nox's default sessions, a Makefile's first target. */
  defaults: string[]
  /** tox's base commands (`[testenv]`, `env_run_base`) that an environment not listed inherits. */
  base: string[]
}

/** One test runner's settings as written in its config file; only literal values are read. */
export interface TestRunnerConfig {
  runner: 'vitest' | 'jest' | 'mocha' | 'ava' | 'jasmine' | 'tap' | 'bun' | 'pytest'
  /** The file it was read from; a manifest key is written `package.json#jest`. */
  file: string
  /** What the runner collects: vitest `include`, jest `testMatch`, mocha `spec`, pytest `testpaths`, ava `files`. */
  include?: string[]
  exclude?: string[]
  /** jest `roots`; vitest `dir`/`root`; the folders collection starts from. */
  roots?: string[]
  /** jest `testRegex`. */
  testRegex?: string[]
  /** vitest `globals`. */
  globals?: boolean
  /** mocha `recursive`. */
  recursive?: boolean
  /** mocha `extension`, jest `moduleFileExtensions`. */
  extensions?: string[]
  /** mocha `require`/`import`, vitest `setupFiles`, jest `setupFilesAfterEach`: loaders that must stay. */
  requires?: string[]
  /** jest `preset` (ts-jest) and whether a `transform` is configured. */
  preset?: string
  transform?: boolean
  /** mocha `ui`: the interface its test files are written in (bdd, tdd, qunit, exports). */
  ui?: string
  /** pytest `python_files` and `pythonpath`. */
  pythonFiles?: string[]
  pythonPath?: string[]
  /** vitest `test.coverage` include/exclude, jest `collectCoverageFrom`/`coveragePathIgnorePatterns`. */
  coverage?: { include?: string[]; exclude?: string[]; ignorePatterns?: string[] }
  /** Settings present but computed in code, so not read. */
  unread?: string[]
}

export interface ModelStats {
  files: number
  bytes: number
  lines: number
  parsed: number
  partial: number
  syntaxErrors: number
  millis: number
  /** Every file with syntax errors and its count, most errors first: a total is never given without its files. */
  syntaxErrorFiles?: SyntaxErrorFile[]
}

export interface SyntaxErrorFile {
  path: string
  count: number
}

// ---- product surface (src/model/surface.ts) ----

export const FILE_CLASSES = [
  'shipped',
  'test',
  'tooling',
  'examples-docs',
  'fixtures',
  'vendored',
  'generated'
] as const
export type FileClass = (typeof FILE_CLASSES)[number]

export interface FileClassification {
  path: string
  class: FileClass
  /** Why, in words a maintainer can check. */
  reason: string
  /** A CI workflow that runs this file (tooling that stays in scope for ci-cd and workflow security). */
  runByCi?: string
}

export interface ProductSurface {
  /** Every file the loader saw (analysed or skipped), sorted by path; vendored folders count as one entry. */
  files: FileClassification[]
  counts: Record<FileClass, number>
  /** How shipped code was decided, per package, in words. */
  basis: string[]
}

export interface CodeModel {
  root: string
  modules: ModuleModel[]
  facts: RepositoryFacts
  skipped: LoadedRepository['skipped']
  stats: ModelStats
  /** Every file classified as shipped, test, tooling, examples-docs, fixtures, vendored or generated, with the reason. */
  surface?: ProductSurface
}
