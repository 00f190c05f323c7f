// The frame stack shared by the generic walker's parts (see generic.ts): a frame pushed at depth d
// ends when the walk next enters a node at depth <= d.
import type { Node } from 'web-tree-sitter'
import type {
  CatchHandler,
  ClassDecl,
  Condition,
  FunctionDecl,
  Loop,
  ModuleModel,
  TryBlock
} from '../types.js'
import { loc, text } from './common.js'
import { TABLES, type GenericLanguage, type LanguageTable } from './generic-langs.js'
import { kids } from './generic-specials.js'

export interface ScopeInfo {
  name: string
  decl?: ClassDecl
  /** Interfaces/traits: members are public by definition. */
  implicitPublic: boolean
  /** Ruby: visibility set by a bare `private` / `protected` in the class body. */
  rubyVisibility: 'public' | 'protected' | 'private'
  bodyDepth: number
  namespace: boolean
}

export type Frame =
  | { kind: 'fn'; depth: number; decl: FunctionDecl }
  | { kind: 'scope'; depth: number; scope: ScopeInfo }
  | { kind: 'loop'; depth: number; loop: Loop }
  | { kind: 'if'; depth: number; guard: string }
  | { kind: 'cond'; depth: number; cond: Condition }
  | { kind: 'handler'; depth: number; handler: CatchHandler }
  | { kind: 'try'; depth: number; block: TryBlock }

export abstract class GenericScopes {
  protected readonly table: LanguageTable
  protected readonly frames: Frame[] = []
  /** Condition nodes (by id) waiting to be entered, so comparisons inside them can be attached. */
  protected readonly pendingConditions = new Map<number, Condition>()
  private readonly qualifiedCounts = new Map<string, number>()

  constructor(
    protected readonly language: GenericLanguage,
    protected readonly model: ModuleModel
  ) {
    this.table = TABLES[language]
  }

  protected currentFunction(): FunctionDecl | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i]
      if (frame.kind === 'fn') return frame.decl
    }
    return undefined
  }

  protected currentScope(): Frame | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i]
      if (frame.kind === 'fn' || frame.kind === 'scope') return frame
    }
    return undefined
  }

  protected *framesInFunction(): Generator<Frame> {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i]
      if (frame.kind === 'fn') return
      yield frame
    }
  }

  protected uniqueName(path: string[]): string {
    const base = path.join('.')
    const seen = (this.qualifiedCounts.get(base) ?? 0) + 1
    this.qualifiedCounts.set(base, seen)
    return seen === 1 ? base : `${base}#${seen}`
  }

  protected scopePath(): string[] {
    const out: string[] = []
    for (const frame of this.frames) {
      if (frame.kind === 'scope') out.push(frame.scope.name)
      else if (frame.kind === 'fn') out.push(frame.decl.name)
    }
    return out
  }

  protected addComplexity(): void {
    const fn = this.currentFunction()
    if (fn) fn.complexity++
  }

  protected enclosingClassScope(): ScopeInfo | undefined {
    const scope = this.currentScope()
    return scope?.kind === 'scope' ? scope.scope : undefined
  }

  protected addCondition(kind: Condition['kind'], conditionNode: Node): Condition {
    const inner =
      conditionNode.type === 'parenthesized_expression'
        ? (kids(conditionNode)[0] ?? conditionNode)
        : conditionNode
    const enclosing = this.currentFunction()?.qualifiedName
    const cond: Condition = {
      kind,
      text: text(inner),
      comparisons: [],
      ...(enclosing ? { enclosing } : {}),
      loc: loc(conditionNode)
    }
    this.model.conditions.push(cond)
    this.pendingConditions.set(conditionNode.id, cond)
    return cond
  }
}
