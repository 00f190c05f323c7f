// Per-language node-type tables for the generic extractor (Go, Java, Rust, Ruby, C#, PHP).
// Node types and field names were read from each tree-sitter grammar by parsing small samples.
import type { Loop } from '../types.js'

export type GenericLanguage = 'go' | 'java' | 'rust' | 'ruby' | 'csharp' | 'php'

export interface FunctionRule {
  nameField: string
  paramsField: string
  returnField?: string
  /** Always a method (`def` in a Ruby class is found by its scope instead). */
  isConstructor?: boolean
  static?: boolean
}

export interface ClassRule {
  nameField: string
  /** Node types (direct children or fields) holding base types. */
  baseTypes?: string[]
  /** Only a scope for naming (Rust `impl X`, `mod x`): not recorded as a class. */
  scopeOnly?: boolean
  /** A namespace (Rust `mod`): functions inside are not methods. */
  namespace?: boolean
}

export interface CallRule {
  /** Field with the callee expression (`f` in `f(x)`, `a.b` in `a.b(x)`). */
  functionField?: string
  /** Fields of a method call (`obj.name(args)`). */
  receiverField?: string
  nameField?: string
  argsField?: string
  isNew?: boolean
}

export interface ParamRule {
  /** Fields holding the name(s); the first named identifier-like child when absent. */
  nameField?: string
  typeField?: string
  defaultField?: string
  rest?: boolean
  keywordOnly?: boolean
  /** Not a parameter callers pass (Rust `self`, Go receivers are separate). */
  skip?: boolean
}

export interface LoopRule {
  kind: Loop['kind']
  iteratesField?: string
  bodyField: string
}

export interface LanguageTable {
  functions: Record<string, FunctionRule>
  classes: Record<string, ClassRule>
  calls: Record<string, CallRule>
  params: Record<string, ParamRule>
  loops: Record<string, LoopRule>
  /** If-like node types, with the kind of condition they make. */
  conditions: Record<string, 'if' | 'elif' | 'while' | 'ternary' | 'guard'>
  /** Node types that are one decision point each (besides conditions, loops and handlers). */
  decisions: Set<string>
  /** Binary-expression node types (fields left/operator/right). */
  binary: Set<string>
  tries: Set<string>
  handlers: Set<string>
  finallies: Set<string>
  /** Statements/expressions that throw: `throw x`. */
  throwTypes: Set<string>
  switches: Record<string, { valueField: string; caseTypes: string[]; defaultTypes: string[] }>
  /** Member-access expression types: [receiver field, name field]. */
  members: Record<string, [string, string]>
}

const BOOL_OPS = new Set(['&&', '||', 'and', 'or'])
export const isBooleanOperator = (op: string): boolean => BOOL_OPS.has(op)
export const COMPARISON_OPERATORS = new Set(['==', '!=', '===', '!==', '<', '<=', '>', '>=', '<>'])

const go: LanguageTable = {
  functions: {
    function_declaration: { nameField: 'name', paramsField: 'parameters', returnField: 'result' },
    method_declaration: { nameField: 'name', paramsField: 'parameters', returnField: 'result' }
  },
  classes: { type_spec: { nameField: 'name' } },
  calls: { call_expression: { functionField: 'function', argsField: 'arguments' } },
  params: {
    parameter_declaration: { nameField: 'name', typeField: 'type' },
    variadic_parameter_declaration: { nameField: 'name', typeField: 'type', rest: true }
  },
  loops: { for_statement: { kind: 'for', bodyField: 'body' } },
  conditions: { if_statement: 'if' },
  decisions: new Set(['expression_case', 'type_case', 'communication_case']),
  binary: new Set(['binary_expression']),
  tries: new Set(),
  handlers: new Set(),
  finallies: new Set(),
  throwTypes: new Set(),
  switches: {
    expression_switch_statement: {
      valueField: 'value',
      caseTypes: ['expression_case'],
      defaultTypes: ['default_case']
    },
    type_switch_statement: {
      valueField: 'value',
      caseTypes: ['type_case'],
      defaultTypes: ['default_case']
    }
  },
  members: { selector_expression: ['operand', 'field'] }
}

const java: LanguageTable = {
  functions: {
    method_declaration: { nameField: 'name', paramsField: 'parameters', returnField: 'type' },
    constructor_declaration: { nameField: 'name', paramsField: 'parameters', isConstructor: true }
  },
  classes: {
    class_declaration: { nameField: 'name', baseTypes: ['superclass', 'super_interfaces'] },
    interface_declaration: { nameField: 'name', baseTypes: ['extends_interfaces'] },
    enum_declaration: { nameField: 'name', baseTypes: ['super_interfaces'] },
    record_declaration: { nameField: 'name', baseTypes: ['super_interfaces'] }
  },
  calls: {
    method_invocation: { receiverField: 'object', nameField: 'name', argsField: 'arguments' },
    object_creation_expression: { functionField: 'type', argsField: 'arguments', isNew: true }
  },
  params: {
    formal_parameter: { nameField: 'name', typeField: 'type' },
    spread_parameter: { rest: true },
    receiver_parameter: { skip: true }
  },
  loops: {
    for_statement: { kind: 'for', bodyField: 'body' },
    enhanced_for_statement: { kind: 'for-of', iteratesField: 'value', bodyField: 'body' },
    while_statement: { kind: 'while', bodyField: 'body' },
    do_statement: { kind: 'do-while', bodyField: 'body' }
  },
  conditions: { if_statement: 'if', ternary_expression: 'ternary' },
  decisions: new Set(['switch_label']),
  binary: new Set(['binary_expression']),
  tries: new Set(['try_statement', 'try_with_resources_statement']),
  handlers: new Set(['catch_clause']),
  finallies: new Set(['finally_clause']),
  throwTypes: new Set(['throw_statement']),
  switches: {
    switch_expression: { valueField: 'condition', caseTypes: ['switch_label'], defaultTypes: [] }
  },
  members: { field_access: ['object', 'field'] }
}

const rust: LanguageTable = {
  functions: {
    function_item: { nameField: 'name', paramsField: 'parameters', returnField: 'return_type' }
  },
  classes: {
    struct_item: { nameField: 'name' },
    enum_item: { nameField: 'name' },
    trait_item: { nameField: 'name' },
    union_item: { nameField: 'name' },
    impl_item: { nameField: 'type', scopeOnly: true },
    mod_item: { nameField: 'name', scopeOnly: true, namespace: true }
  },
  calls: {
    call_expression: { functionField: 'function', argsField: 'arguments' },
    macro_invocation: { functionField: 'macro' }
  },
  params: {
    parameter: { nameField: 'pattern', typeField: 'type' },
    self_parameter: { skip: true },
    variadic_parameter: { rest: true }
  },
  loops: {
    for_expression: { kind: 'for-of', iteratesField: 'value', bodyField: 'body' },
    while_expression: { kind: 'while', bodyField: 'body' },
    loop_expression: { kind: 'loop', bodyField: 'body' }
  },
  conditions: { if_expression: 'if' },
  decisions: new Set(['match_arm']),
  binary: new Set(['binary_expression']),
  tries: new Set(),
  handlers: new Set(),
  finallies: new Set(),
  throwTypes: new Set(),
  switches: {
    match_expression: { valueField: 'value', caseTypes: ['match_arm'], defaultTypes: [] }
  },
  members: { field_expression: ['value', 'field'], scoped_identifier: ['path', 'name'] }
}

const ruby: LanguageTable = {
  functions: {
    method: { nameField: 'name', paramsField: 'parameters' },
    singleton_method: { nameField: 'name', paramsField: 'parameters', static: true }
  },
  classes: {
    class: { nameField: 'name', baseTypes: ['superclass'] },
    module: { nameField: 'name' }
  },
  calls: { call: { receiverField: 'receiver', nameField: 'method', argsField: 'arguments' } },
  params: {
    identifier: {},
    optional_parameter: { nameField: 'name', defaultField: 'value' },
    keyword_parameter: { nameField: 'name', defaultField: 'value', keywordOnly: true },
    splat_parameter: { nameField: 'name', rest: true },
    hash_splat_parameter: { nameField: 'name', rest: true },
    block_parameter: { nameField: 'name', rest: true }
  },
  loops: {
    for: { kind: 'for-in', iteratesField: 'value', bodyField: 'body' },
    while: { kind: 'while', bodyField: 'body' },
    until: { kind: 'while', bodyField: 'body' }
  },
  conditions: {
    if: 'if',
    unless: 'if',
    elsif: 'elif',
    if_modifier: 'if',
    unless_modifier: 'if',
    while_modifier: 'while',
    until_modifier: 'while',
    conditional: 'ternary'
  },
  decisions: new Set(['when']),
  binary: new Set(['binary']),
  tries: new Set(['begin']),
  handlers: new Set(['rescue']),
  finallies: new Set(['ensure']),
  throwTypes: new Set(),
  switches: { case: { valueField: 'value', caseTypes: ['when'], defaultTypes: ['else'] } },
  members: {}
}

const csharp: LanguageTable = {
  functions: {
    method_declaration: { nameField: 'name', paramsField: 'parameters', returnField: 'returns' },
    constructor_declaration: { nameField: 'name', paramsField: 'parameters', isConstructor: true },
    local_function_statement: { nameField: 'name', paramsField: 'parameters', returnField: 'type' }
  },
  classes: {
    class_declaration: { nameField: 'name', baseTypes: ['base_list'] },
    interface_declaration: { nameField: 'name', baseTypes: ['base_list'] },
    struct_declaration: { nameField: 'name', baseTypes: ['base_list'] },
    record_declaration: { nameField: 'name', baseTypes: ['base_list'] },
    enum_declaration: { nameField: 'name' }
  },
  calls: {
    invocation_expression: { functionField: 'function', argsField: 'arguments' },
    object_creation_expression: { functionField: 'type', argsField: 'arguments', isNew: true }
  },
  params: { parameter: { nameField: 'name', typeField: 'type' } },
  loops: {
    for_statement: { kind: 'for', bodyField: 'body' },
    foreach_statement: { kind: 'for-of', iteratesField: 'right', bodyField: 'body' },
    while_statement: { kind: 'while', bodyField: 'body' },
    do_statement: { kind: 'do-while', bodyField: 'body' }
  },
  conditions: { if_statement: 'if', conditional_expression: 'ternary' },
  decisions: new Set(['switch_section', 'switch_expression_arm']),
  binary: new Set(['binary_expression']),
  tries: new Set(['try_statement']),
  handlers: new Set(['catch_clause']),
  finallies: new Set(['finally_clause']),
  throwTypes: new Set(['throw_statement', 'throw_expression']),
  switches: {
    switch_statement: { valueField: 'value', caseTypes: ['switch_section'], defaultTypes: [] }
  },
  members: { member_access_expression: ['expression', 'name'] }
}

const php: LanguageTable = {
  functions: {
    function_definition: {
      nameField: 'name',
      paramsField: 'parameters',
      returnField: 'return_type'
    },
    method_declaration: { nameField: 'name', paramsField: 'parameters', returnField: 'return_type' }
  },
  classes: {
    class_declaration: { nameField: 'name', baseTypes: ['base_clause', 'class_interface_clause'] },
    interface_declaration: { nameField: 'name', baseTypes: ['base_clause'] },
    trait_declaration: { nameField: 'name' },
    enum_declaration: { nameField: 'name', baseTypes: ['class_interface_clause'] }
  },
  calls: {
    function_call_expression: { functionField: 'function', argsField: 'arguments' },
    member_call_expression: { receiverField: 'object', nameField: 'name', argsField: 'arguments' },
    nullsafe_member_call_expression: {
      receiverField: 'object',
      nameField: 'name',
      argsField: 'arguments'
    },
    scoped_call_expression: { receiverField: 'scope', nameField: 'name', argsField: 'arguments' },
    object_creation_expression: { isNew: true }
  },
  params: {
    simple_parameter: { nameField: 'name', typeField: 'type', defaultField: 'default_value' },
    property_promotion_parameter: {
      nameField: 'name',
      typeField: 'type',
      defaultField: 'default_value'
    },
    variadic_parameter: { nameField: 'name', typeField: 'type', rest: true }
  },
  loops: {
    for_statement: { kind: 'for', bodyField: 'body' },
    foreach_statement: { kind: 'for-of', bodyField: 'body' },
    while_statement: { kind: 'while', bodyField: 'body' },
    do_statement: { kind: 'do-while', bodyField: 'body' }
  },
  conditions: { if_statement: 'if', else_if_clause: 'elif', conditional_expression: 'ternary' },
  decisions: new Set(['case_statement']),
  binary: new Set(['binary_expression']),
  tries: new Set(['try_statement']),
  handlers: new Set(['catch_clause']),
  finallies: new Set(['finally_clause']),
  throwTypes: new Set(['throw_expression']),
  switches: {
    switch_statement: {
      valueField: 'condition',
      caseTypes: ['case_statement'],
      defaultTypes: ['default_statement']
    }
  },
  members: {}
}

/**
 * A copy without a prototype: tables are indexed by node type or callee name, and a name such as
 * `constructor` must not find Object.prototype's members.
 */
export function dict<T>(record: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, record)
}

function freezeTable(table: LanguageTable): LanguageTable {
  return {
    ...table,
    functions: dict(table.functions),
    classes: dict(table.classes),
    calls: dict(table.calls),
    params: dict(table.params),
    loops: dict(table.loops),
    conditions: dict(table.conditions),
    switches: dict(table.switches),
    members: dict(table.members)
  }
}

export const TABLES: Record<GenericLanguage, LanguageTable> = {
  go: freezeTable(go),
  java: freezeTable(java),
  rust: freezeTable(rust),
  ruby: freezeTable(ruby),
  csharp: freezeTable(csharp),
  php: freezeTable(php)
}
