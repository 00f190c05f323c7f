// The state shared by the JavaScript/TypeScript extractor's handlers during one pass over a tree.
// The pass is iterative (see javascript.ts); what a recursive walk would keep on the call stack
// (enclosing function, loops, ifs, catch clauses) lives in `frames`, each tagged with the end offset
// of the node that opened it, and popped when the pass reaches a node starting at or after it.
// Each frame caches what handlers ask about (enclosing function, loop depth, guard, class), so a
// question costs O(1) however deep the nesting: 100,000 nested blocks must not make the pass quadratic.
// For the same reason handlers never ask a node for its parent (tree-sitter finds a parent by walking
// down from the root); names that come from a binding are recorded by the binding's handler instead.
import type { Node } from 'web-tree-sitter'
import type {
  CatchHandler,
  ClassDecl,
  Condition,
  FunctionDecl,
  Location,
  Loop,
  ModuleModel,
  TestCase
} from '../types.js'

export interface Frame {
  /** End offset of the node that opened the frame. */
  end: number
  /** Set on function frames: the declaration, or null for an anonymous callback. */
  fn?: FunctionDecl | null
  /** Set on class and named-object frames: the prefix for qualified names of members. */
  scope?: string
  className?: string
  classDecl?: ClassDecl
  /** Set on object-literal frames. */
  isObject?: boolean
  /** Object literals assigned to `module.exports`: their functions are exported. */
  objectExported?: boolean
  loop?: Loop
  /** Set on `if` frames: the condition text, used as the guard of throws inside. */
  guard?: string
  /** Set on frames whose node has a condition: comparisons inside [condStart, condEnd) go to it. */
  condition?: Condition
  condStart?: number
  condEnd?: number
  /** Set on if, ternary, loop and catch frames: the node whose branches may not run (see LocalBinding.branch). */
  branchNode?: Node
  /** The branches of branchNode with their offsets, computed for the first binding inside (see js-bindings.ts). */
  branches?: { start: number; end: number; node: Node; loc?: Location }[]
  /** Set on catch-clause frames. */
  handler?: CatchHandler
  catchParam?: string

  // Filled by pushFrame from the frame below: answers to the handlers' questions.
  /** The innermost named function (anonymous callbacks belong to it). */
  owner?: FunctionDecl
  /** Prefix for qualified names of declarations inside. */
  prefix?: string
  /** The innermost class or object literal, unless a function is closer. */
  container?: Frame
  /** Loops open inside the current named function. */
  loopCount: number
  /** The innermost loop frame, unless a function (named or not) is closer. */
  loopFrame?: Frame
  /** Text of the innermost enclosing if condition within the function. */
  guardText?: string
  /** Some function (named or an anonymous callback) is open. */
  inFunction?: boolean
  /** The innermost frame with a branchNode, unless a function (named or not) is closer. */
  branchFrame?: Frame
  /** The innermost catch-clause frame within the function. */
  catchFrame?: Frame
  /** On catch-clause frames: the next catch clause out, within the function. */
  outerCatch?: Frame
}

export type NewFrame = Omit<Frame, 'loopCount'> & { loopCount?: number }

/** What a function or class expression is bound to, recorded by the binding's handler. */
export interface Binding {
  name?: string
  scope?: string
  exported?: boolean
  /** The node whose location stands for the function (the declarator of `const f = () => {}`). */
  locNode?: Node
  /** The class field (`handler = () => {}`) it initialises. */
  field?: Node
}

export interface JsState {
  source: string
  model: ModuleModel
  isTest: boolean
  frames: Frame[]
  /** Local names exported through `export { a }`, `export default a`, `module.exports = { a }`. */
  exportedNames: Set<string>
  /** Start offsets of nodes that are exported where they stand (`export function`, `exports.x = () => {}`). */
  exportedAt: Set<number>
  /** Function and class expressions by start offset: the name they get from where they are bound. */
  bindings: Map<number, Binding>
  /** Object literals by start offset: the name they are bound to, or module.exports. */
  objectBindings: Map<number, { scope?: string; exported?: boolean }>
  /** Start offsets of string nodes that are module specifiers (not reported as string literals). */
  specifierStrings: Set<number>
  /** Ids of nodes directly under `await`. */
  awaited: Set<number>
  /** Ids of expressions that are a statement of their own (`f();`). */
  statements: Set<number>
  /** Ids of values bound to a plain name (`const s = f()`, `s = await f()`) -> that name. */
  assignedTo: Map<number, string>
  /** Calls whose whole value is stored at a member or subscript (`this.s[id] = f()`), by node id. */
  storedAt: Map<number, string>
  /** Ids of calls inside a value bound to a plain name, not the value itself -> that name. */
  boundWithin: Map<number, string>
  /** Ids of call nodes already consumed by an enclosing test-case call (`it.each(t)(...)`). */
  consumedCalls: Set<number>
  /** qualifiedName -> times seen, for `#n` suffixes. */
  seenNames: Map<string, number>
  /** Catch handlers recorded with their try statement, by the catch clause's start offset. */
  catchHandlers: Map<number, CatchHandler>
  /** Test files: the cases found so far, and whether mocha-only globals were seen. */
  testCases: TestCase[]
  /** uvu: locals bound to `suite('name')`, whose calls are the test cases (`const types = suite('types')`). */
  suiteLocals: Set<string>
  sawMochaGlobal: boolean
  /** Test files: the test-structure globals called (`describe`, `suite`, `setup`...), for mocha's interface. */
  testGlobals: Set<string>
  /** Test files: locals bound to whole modules (computed on first use), and `ns.member` reads through them. */
  namespaceLocals?: Set<string>
  namespaceImportsSeen?: number
  memberReferences: Set<string>
  /** Decorators seen before the next method (`@Get('/x')`), with where they end. */
  pendingDecorators: { text: string; end: number; start: number }[]
  /** Methods with their class and whether they are public: exported when the class is. */
  methods: { fn: FunctionDecl; cls: ClassDecl; isPublic: boolean }[]
  /** Early exits and defaults of each block, computed once (site-context.ts). */
  contextCache?: Map<number, unknown[]>
  /** Enclosing branches, blocks, tries and functions of the node being handled, outermost first. */
  contextAncestors?: Node[]
}

export function createState(source: string, model: ModuleModel, isTest: boolean): JsState {
  return {
    source,
    model,
    isTest,
    frames: [],
    exportedNames: new Set(),
    exportedAt: new Set(),
    bindings: new Map(),
    objectBindings: new Map(),
    specifierStrings: new Set(),
    awaited: new Set(),
    statements: new Set(),
    assignedTo: new Map(),
    storedAt: new Map(),
    boundWithin: new Map(),
    consumedCalls: new Set(),
    seenNames: new Map(),
    catchHandlers: new Map(),
    testCases: [],
    suiteLocals: new Set(),
    sawMochaGlobal: false,
    testGlobals: new Set(),
    memberReferences: new Set(),
    pendingDecorators: [],
    methods: []
  }
}

function top(state: JsState): Frame | undefined {
  return state.frames[state.frames.length - 1]
}

/** Pushes a frame, filling in its cached answers from the frame below. */
export function pushFrame(state: JsState, f: NewFrame): void {
  const below = top(state)
  const frame = f as Frame
  const isFunction = frame.fn !== undefined
  frame.owner = frame.fn ?? below?.owner
  frame.prefix = frame.fn
    ? frame.fn.qualifiedName
    : frame.scope !== undefined
      ? frame.scope
      : below?.prefix
  frame.container =
    frame.className !== undefined || frame.isObject
      ? frame
      : isFunction
        ? undefined
        : below?.container
  frame.loopCount = (frame.fn ? 0 : (below?.loopCount ?? 0)) + (frame.loop ? 1 : 0)
  frame.loopFrame = frame.loop ? frame : isFunction ? undefined : below?.loopFrame
  frame.guardText = frame.guard ?? (isFunction ? undefined : below?.guardText)
  frame.inFunction = isFunction || below?.inFunction === true
  frame.branchFrame = frame.branchNode ? frame : isFunction ? undefined : below?.branchFrame
  const isCatch = frame.handler !== undefined || frame.catchParam !== undefined
  if (isCatch) frame.outerCatch = below?.catchFrame
  frame.catchFrame = isCatch ? frame : isFunction ? undefined : below?.catchFrame
  state.frames.push(frame)
}

/** Pops the frames of nodes that end at or before `offset`, passing facts about them outwards. */
export function popFrames(state: JsState, offset: number): void {
  const frames = state.frames
  while (frames.length > 0 && frames[frames.length - 1].end <= offset) {
    const frame = frames.pop()!
    const outer = top(state)
    if (!outer || frame.fn !== undefined) continue
    // An await in a nested loop is an await in the enclosing loop's body too.
    if (frame.loop?.hasAwait && outer.loopFrame?.loop) outer.loopFrame.loop.hasAwait = true
    // A catch handler that throws, nested in another handler's body, makes that one throw too.
    if (frame.handler?.rethrows && outer.catchFrame?.handler)
      outer.catchFrame.handler.rethrows = true
  }
}

/** Source text of a node, cut to `max` characters without copying the whole node first. */
export function slice(state: JsState, node: Node | null | undefined, max = 200): string {
  if (!node) return ''
  const start = node.startIndex
  const end = node.endIndex
  if (end - start <= max) return state.source.slice(start, end)
  return `${state.source.slice(start, start + max)}…`
}

/** The innermost named function: what a call or throw is "inside". */
export function enclosingFunction(state: JsState): FunctionDecl | undefined {
  return top(state)?.owner
}

export function enclosingName(state: JsState): string | undefined {
  return top(state)?.owner?.qualifiedName
}

/** Prefix for a new declaration's qualified name: the innermost named function, class or object. */
export function scopePrefix(state: JsState): string | undefined {
  return top(state)?.prefix
}

/** The innermost class or object literal frame, unless a function frame is closer. */
export function enclosingContainer(state: JsState): Frame | undefined {
  return top(state)?.container
}

/** The innermost frame (for conditions that collect comparisons). */
export function topFrame(state: JsState): Frame | undefined {
  return top(state)
}

/** A unique qualified name within the module: the second `foo` becomes `foo#2`. */
export function uniqueName(state: JsState, qualified: string): string {
  const seen = state.seenNames.get(qualified) ?? 0
  state.seenNames.set(qualified, seen + 1)
  return seen === 0 ? qualified : `${qualified}#${seen + 1}`
}

/** A node with parentheses, `as` and `satisfies` taken off: what a binding really binds. */
export function unwrapValue(node: Node | null): Node | null {
  let n = node
  for (let i = 0; n && i < 16; i++) {
    if (
      n.type === 'parenthesized_expression' ||
      n.type === 'as_expression' ||
      n.type === 'satisfies_expression'
    )
      n = n.namedChild(0)
    else break
  }
  return n
}
