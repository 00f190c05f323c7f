// The frame stack shared by the Python walker's parts: a frame pushed at depth d ends when the
// walk next enters a node at depth <= d. Frames remember the enclosing function/class, loops,
// if-guards, conditions, except handlers and try blocks.
import type { Node } from 'web-tree-sitter'
import type { CatchHandler, Condition, Location, Loop, ModuleModel, TryBlock } from '../types.js'
import { loc, text } from './common.js'
import type { PyClassInfo, PyFunctionInfo } from './py-api.js'

export type Frame =
  | { kind: 'fn'; depth: number; fn: PyFunctionInfo }
  | { kind: 'class'; depth: number; cls: PyClassInfo }
  | { kind: 'loop'; depth: number; loop: Loop }
  | {
      kind: 'if'
      depth: number
      guard: string
      typeChecking: boolean
      /** The if/elif/else node: where its branch is. */ node?: Node
      branch?: Location
    }
  | { kind: 'cond'; depth: number; cond: Condition }
  | { kind: 'except'; depth: number; handler: CatchHandler }
  | { kind: 'try'; depth: number; block: TryBlock }

export abstract class PyScopes {
  protected readonly frames: Frame[] = []
  /** Condition nodes (by id) waiting to be entered, so comparisons inside them can be attached. */
  protected readonly pendingConditions = new Map<number, Condition>()
  private readonly qualifiedCounts = new Map<string, number>()

  constructor(protected readonly model: ModuleModel) {}

  protected currentFunction(): PyFunctionInfo | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i]
      if (frame.kind === 'fn') return frame.fn
    }
    return undefined
  }

  /** The innermost function or class frame. */
  protected currentScope(): Frame | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i]
      if (frame.kind === 'fn' || frame.kind === 'class') return frame
    }
    return undefined
  }

  protected scopePath(): string[] {
    const names: string[] = []
    for (const frame of this.frames) {
      if (frame.kind === 'fn') names.push(frame.fn.decl.name)
      else if (frame.kind === 'class') names.push(frame.cls.decl.name)
    }
    return names
  }

  protected enclosing(): string | undefined {
    return this.currentFunction()?.decl.qualifiedName
  }

  protected uniqueName(name: string): string {
    const base = [...this.scopePath(), name].join('.')
    const seen = (this.qualifiedCounts.get(base) ?? 0) + 1
    this.qualifiedCounts.set(base, seen)
    return seen === 1 ? base : `${base}#${seen}`
  }

  protected addComplexity(): void {
    const fn = this.currentFunction()
    if (fn) fn.decl.complexity++
  }

  /** Walks frames from the top down to the innermost function frame. */
  protected *framesInFunction(): Generator<Frame> {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i]
      if (frame.kind === 'fn') return
      yield frame
    }
  }

  protected inTypeChecking(): boolean {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i]
      if (frame.kind === 'if') {
        if (frame.typeChecking) return true
        if (
          frame.guard.startsWith('not (TYPE_CHECKING') ||
          frame.guard.startsWith('not (typing.TYPE_CHECKING')
        )
          return false
      }
    }
    return false
  }

  protected addCondition(kind: Condition['kind'], node: Node): Condition {
    const enclosing = this.enclosing()
    const cond: Condition = {
      kind,
      text: text(node),
      comparisons: [],
      ...(enclosing ? { enclosing } : {}),
      loc: loc(node)
    }
    this.model.conditions.push(cond)
    this.pendingConditions.set(node.id, cond)
    return cond
  }
}
