// Converts a tree-sitter TypeScript or TSX syntax tree (JavaScript parses with TSX) into the
// language-neutral analysis IR. Total like pythonIr.ts: unknown constructs become `group`s of their
// parts, types are dropped, and syntax errors never throw.
//
// Where JavaScript differs from what the IR was made for:
// - An object literal passed to a call, `tf.layers.dense({units: 4, kernelRegularizer: r})`, becomes
//   the call's keywords, so TF.js configs read like Keras keyword arguments. A destructured
//   parameter `function f({units, wd = 0.1})` becomes one parameter per property, which those
//   keywords bind by name.
// - `const f = (...) => ...` and `const f = function (...) {...}` define a function `f`.
// - Any other block-bodied function (`opt.minimize(() => { ...; return loss; })`) is hoisted as a
//   nested function with a generated name, placed before the statement that holds it, and the
//   expression becomes a `lambda` whose body calls it: its value is what the block returns, and its
//   locals stay its own.
// - `await x` is `x`; `x as T`, `x!`, `<T>x` are `x`; `null` and `undefined` are `none`.
// - Imports: `import * as tf from '@tensorflow/tfjs'` and `const tf = require(...)` are module
//   imports; `import {layers} from ...` and `const {layers} = require(...)` import names; relative
//   specifiers (`./model`, `../lib/model.js`) become relative imports (`level` = 1 + the `..`s).
// - Class fields initialise at construction: they join the constructor's body as `this.x = value`.
// - `export default` defines a function named `default` (forwarding to the named function, if any);
//   a named class keeps its name, and `default = Name` is assigned.
import type { Node } from 'web-tree-sitter';
import type { Range } from '../analysis/findings';
import { appendAll, type Expr, type FunctionDef, type Keyword, type Param, type ParamGuard, type Stmt } from '../analysis/ir';
import type { TopLevelConverter } from './pythonDocument';
import { MAX_EXPRESSION_DEPTH, MAX_STATEMENT_DEPTH, rangeOf } from './pythonIr';
import { importModule, importNames, moduleRef } from './scriptImports';

/**
 * The converter of one document. Generated function names count up per document, so a reused
 * (cached) statement and a newly converted one never share a name.
 */
export function createTypeScriptConverter(): TopLevelConverter {
  let generated = 0;
  const nextName = () => `<function ${++generated}>`;
  return (node) => new ScriptConverter(nextName).topLevel(node);
}

/** Grammar nodes that hold no values: types and modifiers. */
const typeNodes = new Set([
  'type_annotation', 'type_arguments', 'type_parameters', 'type_identifier', 'predefined_type', 'type_predicate_annotation',
  'asserts_annotation', 'omitting_type_annotation', 'opting_type_annotation', 'accessibility_modifier', 'override_modifier',
]);
const declarationsWithoutValues = new Set(['type_alias_declaration', 'interface_declaration', 'ambient_declaration', 'abstract_method_signature', 'method_signature', 'index_signature', 'property_signature']);
const functionNodes = new Set(['arrow_function', 'function_expression', 'function', 'generator_function']);
/** Wrappers whose value is their operand's (`await x`, `x as T`, `x!`, `(x)`). */
const transparentNodes = new Set(['await_expression', 'as_expression', 'satisfies_expression', 'non_null_expression', 'type_assertion', 'parenthesized_expression']);

/**
 * `constructor(public valueNet: tf.Sequential)`: a parameter with an accessibility modifier or
 * `readonly` is stored on the object, as if the body began with `this.valueNet = valueNet`.
 */
function parameterProperties(constructor: Node): Stmt[] {
  const parameters = constructor.childForFieldName('parameters');
  const stored: Stmt[] = [];
  for (const parameter of parameters ? named(parameters) : []) {
    const pattern = parameter.childForFieldName('pattern');
    const modified = parameter.children.some((child) => child?.type === 'accessibility_modifier' || child?.type === 'readonly');
    if (!modified || pattern?.type !== 'identifier') continue;
    const range = rangeOf(pattern);
    const target: Expr = { kind: 'attr', object: { kind: 'name', id: 'this', range }, attr: pattern.text, range };
    stored.push({ kind: 'assign', targets: [target], value: { kind: 'name', id: pattern.text, range }, augmented: false, range });
  }
  return stored;
}

function named(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment' && !isTypeNode(child.type));
}

function isTypeNode(type: string): boolean {
  return typeNodes.has(type) || type.endsWith('_type');
}

function stringValue(node: Node): string | undefined {
  if (node.type !== 'string' && node.type !== 'template_string') return undefined;
  let value = '';
  for (const child of node.namedChildren) {
    if (child?.type === 'string_fragment') value += child.text;
    else if (child?.type === 'escape_sequence') value += child.text.slice(1);
    else if (child) return undefined; // a template substitution: not a constant
  }
  return value;
}

/** `x as T`, `await x`, `(x)`, `x!`: the expression inside. */
function unwrap(node: Node): Node {
  let current = node;
  for (let i = 0; i < MAX_EXPRESSION_DEPTH && transparentNodes.has(current.type); i++) {
    const inner = named(current)[0];
    if (!inner) break;
    current = inner;
  }
  return current;
}

class ScriptConverter {
  private depth = 0;
  private statementDepth = 0;
  private readonly cutOff: Range[] = [];
  /** Functions hoisted out of expressions, one list per statement being converted. */
  private readonly hoisted: Stmt[][] = [];

  constructor(private readonly nextName: () => string) {}

  topLevel(node: Node): { stmts: Stmt[]; tooDeep: Range[] } {
    if (node.type === 'hash_bang_line') return { stmts: [], tooDeep: [] };
    try {
      return { stmts: this.statements([node]), tooDeep: this.cutOff };
    } catch (error) {
      // Statement nesting tree-sitter accepted but the stack does not: skip the statement.
      if (!(error instanceof RangeError)) throw error;
      return { stmts: [], tooDeep: [rangeOf(node)] };
    }
  }

  /** Statements in order, each preceded by the functions hoisted out of it. */
  private statements(nodes: readonly Node[]): Stmt[] {
    // Blocks nested deeper than any real program: cut off at a depth that does not depend on the thread's stack.
    if (this.statementDepth >= MAX_STATEMENT_DEPTH) {
      for (const node of nodes) this.cutOff.push(rangeOf(node));
      return [];
    }
    this.statementDepth++;
    try {
      const out: Stmt[] = [];
      for (const node of nodes) {
        if (node.type === 'comment' || node.type === 'empty_statement') continue;
        const [hoisted, converted] = this.collectingHoisted(() => this.statement(node));
        appendAll(out, hoisted);
        appendAll(out, converted);
      }
      return out;
    } finally {
      this.statementDepth--;
    }
  }

  private collectingHoisted<T>(convert: () => T): [Stmt[], T] {
    this.hoisted.push([]);
    try {
      const value = convert();
      return [this.hoisted[this.hoisted.length - 1], value];
    } finally {
      this.hoisted.pop();
    }
  }

  private body(node: Node | null): Stmt[] {
    if (!node) return [];
    return node.type === 'statement_block' ? this.statements(named(node)) : this.statements([node]);
  }

  private statement(node: Node): Stmt[] {
    const range = rangeOf(node);
    switch (node.type) {
      case 'expression_statement':
        return named(node).map((child) => this.expressionStatement(child));
      case 'lexical_declaration':
      case 'variable_declaration':
        return this.declaration(node);
      case 'return_statement': {
        const value = named(node)[0];
        return [{ kind: 'return', value: value ? this.expr(value) : undefined, range }];
      }
      case 'function_declaration':
      case 'generator_function_declaration':
        return [{ kind: 'def', fn: this.functionDef(node, node.childForFieldName('name')), range }];
      case 'class_declaration':
      case 'abstract_class_declaration':
        return [this.classDef(node, node.childForFieldName('name')?.text ?? '')];
      case 'if_statement':
        return [this.ifStatement(node)];
      case 'import_statement':
        return this.importStatement(node);
      case 'export_statement':
        return this.exportStatement(node);
      case 'statement_block':
        return this.statements(named(node));
      case 'hash_bang_line':
        return [];
      default:
        if (declarationsWithoutValues.has(node.type)) return [];
        // Loops, try, switch, labels, namespaces, ERROR: their statements and expressions, in order.
        return [{ kind: 'block', body: this.mixed(node), range }];
    }
  }

  private mixed(node: Node): Stmt[] {
    const out: Stmt[] = [];
    for (const child of named(node)) {
      if (isStatementLike(child)) appendAll(out, this.statements([child]));
      else if (child.type === 'statement_identifier') continue;
      else out.push({ kind: 'expr', value: this.expr(child), range: rangeOf(child) });
    }
    return out;
  }

  private expressionStatement(node: Node): Stmt {
    const range = rangeOf(node);
    if (node.type === 'assignment_expression' || node.type === 'augmented_assignment_expression') {
      const targets: Expr[] = [];
      let current: Node | null = node;
      let value: Node | null = null;
      // `a = b = expr` nests assignments in the right-hand side.
      while (current && (current.type === 'assignment_expression' || current.type === 'augmented_assignment_expression')) {
        const left = current.childForFieldName('left');
        if (left) targets.push(this.pattern(left));
        value = current.childForFieldName('right');
        current = value;
      }
      return { kind: 'assign', targets, value: value ? this.expr(value) : { kind: 'group', items: [], range }, augmented: node.type === 'augmented_assignment_expression', range };
    }
    return { kind: 'expr', value: this.expr(node), range };
  }

  private declaration(node: Node): Stmt[] {
    const out: Stmt[] = [];
    for (const declarator of named(node)) {
      if (declarator.type !== 'variable_declarator') continue;
      const nameNode = declarator.childForFieldName('name');
      const valueNode = declarator.childForFieldName('value');
      if (!nameNode || !valueNode) continue;
      const value = unwrap(valueNode);
      const range = rangeOf(declarator);
      if (nameNode.type === 'identifier' && functionNodes.has(value.type)) {
        out.push({ kind: 'def', fn: this.functionDef(value, nameNode), range });
        continue;
      }
      const required = requiredModule(value);
      if (required !== undefined) {
        const ref = moduleRef(required);
        if (nameNode.type === 'identifier') out.push(importModule(ref, nameNode.text, range));
        else if (nameNode.type === 'object_pattern') out.push(importNames(ref, destructuredNames(nameNode), range));
        continue;
      }
      out.push({ kind: 'assign', targets: [this.pattern(nameNode)], value: this.expr(valueNode), augmented: false, range });
    }
    return out;
  }

  /** Assignment targets: names, and destructuring patterns as groups of their names. */
  private pattern(node: Node): Expr {
    const range = rangeOf(node);
    switch (node.type) {
      case 'identifier':
      case 'shorthand_property_identifier_pattern':
        return { kind: 'name', id: node.text, range };
      case 'object_pattern':
        return { kind: 'group', items: named(node).map((child) => this.pattern(child)), range };
      case 'array_pattern': {
        // `const [mean, logVar, z] = outputs`: by position, unless a `...rest` makes positions unknown.
        const items = named(node);
        return { kind: 'group', items: items.map((child) => this.pattern(child)), ...(items.some((child) => child.type === 'rest_pattern') ? {} : { tuple: true }), range };
      }
      case 'pair_pattern': {
        const value = node.childForFieldName('value');
        return value ? this.pattern(value) : { kind: 'group', items: [], range };
      }
      case 'object_assignment_pattern':
      case 'assignment_pattern':
      case 'rest_pattern': {
        const left = node.childForFieldName('left') ?? named(node)[0];
        return left ? this.pattern(left) : { kind: 'group', items: [], range };
      }
      default:
        // `this.model = ...`, `a[0] = ...`: an expression.
        return this.expr(node);
    }
  }

  private functionDef(node: Node, nameNode: Node | null, name = nameNode?.text ?? ''): FunctionDef {
    const body = node.childForFieldName('body');
    const single = node.childForFieldName('parameter');
    const parameters = node.childForFieldName('parameters');
    const params = single ? [{ name: single.text, range: rangeOf(single) }] : parameters ? this.params(parameters) : [];
    let stmts: Stmt[];
    if (body && body.type !== 'statement_block') {
      const [hoisted, value] = this.collectingHoisted(() => this.expr(body));
      stmts = [...hoisted, { kind: 'return', value, range: rangeOf(body) }];
    } else {
      stmts = this.body(body);
    }
    return { name, nameRange: nameNode ? rangeOf(nameNode) : rangeOf(node), params, body: stmts, range: rangeOf(node) };
  }

  private params(parameters: Node): Param[] {
    const params: Param[] = [];
    for (const parameter of named(parameters)) {
      const pattern = parameter.childForFieldName('pattern') ?? parameter;
      const defaultNode = parameter.childForFieldName('value');
      const defaultValue = defaultNode ? this.expr(defaultNode) : undefined;
      if (pattern.type === 'identifier') params.push({ name: pattern.text, defaultValue, range: rangeOf(parameter) });
      else if (pattern.type === 'rest_pattern') {
        const inner = named(pattern)[0];
        if (inner?.type === 'identifier') params.push({ name: inner.text, range: rangeOf(parameter) });
      } else if (pattern.type === 'object_pattern') {
        // `{units, wd = 1e-4}`: each property a parameter, bound by name from an object literal's keywords.
        for (const property of named(pattern)) {
          if (property.type === 'shorthand_property_identifier_pattern') params.push({ name: property.text, range: rangeOf(property) });
          else if (property.type === 'object_assignment_pattern') {
            const left = property.childForFieldName('left');
            const right = property.childForFieldName('right');
            if (left) params.push({ name: left.text, defaultValue: right ? this.expr(right) : undefined, range: rangeOf(property) });
          } else if (property.type === 'pair_pattern') {
            // `{l2: wd}` and `{l2: wd = 1e-4}`: named wd, passed as l2.
            const keyword = property.childForFieldName('key')?.text;
            const value = property.childForFieldName('value');
            const target = value?.type === 'assignment_pattern' ? value.childForFieldName('left') : value;
            const defaultNode = value?.type === 'assignment_pattern' ? value.childForFieldName('right') : null;
            if (target?.type === 'identifier') {
              params.push({ name: target.text, keyword, defaultValue: defaultNode ? this.expr(defaultNode) : undefined, range: rangeOf(property) });
            }
          }
        }
      }
    }
    return params;
  }

  private classDef(node: Node, name: string): Stmt {
    const body = node.childForFieldName('body');
    const members: Stmt[] = [];
    const fieldInits: Stmt[] = [];
    let constructor: FunctionDef | undefined;
    for (const member of body ? named(body) : []) {
      if (member.type === 'method_definition') {
        const nameNode = member.childForFieldName('name');
        const fn = this.functionDef(member, nameNode);
        // Named as Python's constructor is: the analysis runs either language's constructor on `new C(...)`.
        if (fn.name === 'constructor') constructor = { ...fn, name: '__init__', body: [...parameterProperties(member), ...fn.body] };
        else members.push({ kind: 'def', fn, range: rangeOf(member) });
      } else if (member.type === 'public_field_definition' || member.type === 'field_definition') {
        const nameNode = member.childForFieldName('name') ?? member.childForFieldName('property');
        const valueNode = member.childForFieldName('value');
        if (!nameNode || !valueNode) continue;
        const range = rangeOf(member);
        const [hoisted, value] = this.collectingHoisted(() => this.expr(valueNode));
        const target: Expr = { kind: 'attr', object: { kind: 'name', id: 'this', range: rangeOf(nameNode) }, attr: nameNode.text, range: rangeOf(nameNode) };
        appendAll(fieldInits, hoisted);
        fieldInits.push({ kind: 'assign', targets: [target], value, augmented: false, range });
      }
    }
    if (fieldInits.length > 0) {
      const range = body ? rangeOf(body) : rangeOf(node);
      constructor = constructor
        ? { ...constructor, body: [...fieldInits, ...constructor.body] }
        : { name: '__init__', nameRange: range, params: [], body: fieldInits, range };
    }
    if (constructor) members.unshift({ kind: 'def', fn: constructor, range: constructor.range });
    return { kind: 'class', name, body: members, range: rangeOf(node) };
  }

  private ifStatement(node: Node): Stmt {
    const conditionNode = node.childForFieldName('condition');
    const condition = conditionNode ? unwrap(conditionNode) : undefined;
    const alternative = node.childForFieldName('alternative');
    const orelseNode = alternative ? named(alternative)[0] : undefined;
    const range = rangeOf(node);
    return {
      kind: 'if',
      test: condition ? this.expr(condition) : { kind: 'group', items: [], range },
      guard: condition ? paramGuard(condition, range) : undefined,
      body: this.body(node.childForFieldName('consequence')),
      orelse: orelseNode ? this.body(orelseNode) : [],
      range,
    };
  }

  private importStatement(node: Node): Stmt[] {
    const range = rangeOf(node);
    const required = named(node).find((child) => child.type === 'import_require_clause');
    if (required) {
      // `import tf = require('@tensorflow/tfjs')`
      const [alias, source] = named(required);
      const specifier = source ? stringValue(source) : undefined;
      return alias && specifier !== undefined ? [importModule(moduleRef(specifier), alias.text, range)] : [];
    }
    const specifier = stringValue(node.childForFieldName('source') ?? node);
    const clause = named(node).find((child) => child.type === 'import_clause');
    if (specifier === undefined || !clause) return [];
    const ref = moduleRef(specifier);
    const out: Stmt[] = [];
    const names: { name: string; alias: string }[] = [];
    for (const part of named(clause)) {
      if (part.type === 'identifier') {
        // The default export: TF.js has none, so `import tf from '@tensorflow/tfjs'` (esModuleInterop) is the namespace.
        if (ref.kind === 'package') out.push(importModule(ref, part.text, range));
        else names.push({ name: 'default', alias: part.text });
      } else if (part.type === 'namespace_import') {
        const alias = named(part)[0];
        if (alias) out.push(importModule(ref, alias.text, range));
      } else if (part.type === 'named_imports') {
        for (const specifierNode of named(part)) {
          const name = specifierNode.childForFieldName('name')?.text;
          const alias = specifierNode.childForFieldName('alias')?.text ?? name;
          if (name && alias) names.push({ name, alias });
        }
      }
    }
    if (names.length > 0) out.push(importNames(ref, names, range));
    return out;
  }

  private exportStatement(node: Node): Stmt[] {
    const range = rangeOf(node);
    const source = node.childForFieldName('source');
    if (source) {
      // `export {a} from './m'`: a re-export imports the names.
      const specifier = stringValue(source);
      const clause = named(node).find((child) => child.type === 'export_clause');
      if (specifier === undefined || !clause) return [];
      const names = named(clause).flatMap((child) => {
        const name = child.childForFieldName('name')?.text;
        return name ? [{ name, alias: child.childForFieldName('alias')?.text ?? name }] : [];
      });
      return names.length > 0 ? [importNames(moduleRef(specifier), names, range)] : [];
    }
    const isDefault = node.children.some((child) => child?.type === 'default');
    const declaration = node.childForFieldName('declaration');
    const value = node.childForFieldName('value');
    if (!isDefault) return declaration ? this.statements([declaration]) : [];
    const exported = declaration ?? (value ? unwrap(value) : undefined);
    if (!exported) return [];
    if (functionNodes.has(exported.type) || exported.type === 'function_declaration' || exported.type === 'generator_function_declaration') {
      const nameNode = exported.childForFieldName('name');
      if (!nameNode) return [{ kind: 'def', fn: this.functionDef(exported, null, 'default'), range }];
      const fn = this.functionDef(exported, nameNode);
      return [{ kind: 'def', fn, range }, forwarder(nameNode.text, fn.params, range)];
    }
    if (exported.type === 'identifier') return [forwarder(exported.text, [], range)];
    if (exported.type === 'class_declaration' || exported.type === 'class') {
      const name = exported.childForFieldName('name')?.text;
      if (!name) return [this.classDef(exported, 'default')];
      // `export default class Network`: the class keeps its name, and `default` names it too.
      return [this.classDef(exported, name), { kind: 'assign', targets: [{ kind: 'name', id: 'default', range }], value: { kind: 'name', id: name, range }, augmented: false, range }];
    }
    return [{ kind: 'assign', targets: [{ kind: 'name', id: 'default', range }], value: this.expr(exported), augmented: false, range }];
  }

  /** Deeper expressions are cut off (and reported): recursion stays far from the stack limit. */
  expr(node: Node): Expr {
    if (this.depth >= MAX_EXPRESSION_DEPTH) {
      this.cutOff.push(rangeOf(node));
      return { kind: 'group', items: [], range: rangeOf(node) };
    }
    this.depth++;
    try {
      return this.exprNode(node, node.type);
    } finally {
      this.depth--;
    }
  }

  private exprNode(node: Node, type: string): Expr {
    if (type === 'identifier' || type === 'shorthand_property_identifier' || type === 'this' || type === 'super') {
      // Names never span lines: the end follows from the text, one call into wasm fewer.
      const id = node.text;
      const start = node.startPosition;
      return { kind: 'name', id, range: { startLine: start.row, startColumn: start.column, endLine: start.row, endColumn: start.column + id.length } };
    }
    const range = rangeOf(node);
    if (transparentNodes.has(type)) {
      const inner = named(node)[0];
      if (inner) return this.expr(inner);
    }
    if (functionNodes.has(type)) return this.lambda(node, range);
    switch (type) {
      case 'member_expression': {
        const object = node.childForFieldName('object');
        const property = node.childForFieldName('property');
        if (!object || !property) break;
        return { kind: 'attr', object: this.expr(object), attr: property.text, range };
      }
      case 'call_expression':
      case 'new_expression':
        return this.call(node, range);
      case 'number': {
        const value = Number(node.text.replace(/_/g, ''));
        if (Number.isFinite(value)) return { kind: 'num', value, range };
        break;
      }
      case 'string':
      case 'template_string': {
        const value = stringValue(node);
        if (value !== undefined) return { kind: 'str', value, range };
        break;
      }
      case 'null':
      case 'undefined':
        return { kind: 'none', range };
      case 'binary_expression': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const operator = node.childForFieldName('operator');
        if (!left || !right || !operator) break;
        return { kind: 'binop', op: operator.type, left: this.expr(left), right: this.expr(right), range };
      }
      case 'unary_expression': {
        const argument = node.childForFieldName('argument');
        const operator = node.childForFieldName('operator')?.type;
        if (!argument) break;
        if (operator === '-') return { kind: 'neg', operand: this.expr(argument), range };
        if (operator === '+') return this.expr(argument);
        break;
      }
      case 'object':
        return { kind: 'group', items: this.objectEntries(node).map((entry) => entry.value), range };
      case 'spread_element': {
        const inner = named(node)[0];
        if (inner) return this.expr(inner);
        break;
      }
    }
    return { kind: 'group', items: named(node).map((child) => this.expr(child)), range };
  }

  /** An arrow or function expression: its value when called. */
  private lambda(node: Node, range: Range): Expr {
    const body = node.childForFieldName('body');
    if (body && body.type !== 'statement_block') return { kind: 'lambda', body: this.expr(body), range };
    const name = this.nextName();
    const fn = this.functionDef(node, null, name);
    const hoisted = this.hoisted[this.hoisted.length - 1];
    hoisted?.push({ kind: 'def', fn, range });
    const callee: Expr = { kind: 'name', id: name, range };
    return { kind: 'lambda', body: { kind: 'call', callee, args: [], keywords: [], range }, range };
  }

  private call(node: Node, range: Range): Expr {
    const fn = node.childForFieldName('function') ?? node.childForFieldName('constructor');
    const argumentsNode = node.childForFieldName('arguments');
    const args: Expr[] = [];
    const keywords: Keyword[] = [];
    if (argumentsNode?.type === 'arguments') {
      for (const argument of named(argumentsNode)) {
        if (argument.type === 'object') {
          // A config object: its properties are the call's keywords (see the header).
          for (const entry of this.objectEntries(argument)) {
            if (entry.name === undefined) args.push(entry.value);
            else keywords.push({ name: entry.name, value: entry.value, range: entry.range });
          }
        } else {
          args.push(this.expr(argument));
        }
      }
    } else if (argumentsNode) {
      // A tagged template.
      args.push(this.expr(argumentsNode));
    }
    return { kind: 'call', callee: fn ? this.expr(fn) : { kind: 'group', items: [], range }, args, keywords, range };
  }

  /** Properties of an object literal; `name` undefined for spreads and computed keys. */
  private objectEntries(node: Node): { name?: string; value: Expr; range: Range }[] {
    const entries: { name?: string; value: Expr; range: Range }[] = [];
    for (const property of named(node)) {
      const range = rangeOf(property);
      if (property.type === 'pair') {
        const key = property.childForFieldName('key');
        const value = property.childForFieldName('value');
        if (!key || !value) continue;
        const name = key.type === 'property_identifier' || key.type === 'number' ? key.text : stringValue(key);
        entries.push({ name, value: name === undefined ? { kind: 'group', items: [this.expr(key), this.expr(value)], range } : this.expr(value), range });
      } else if (property.type === 'shorthand_property_identifier') {
        entries.push({ name: property.text, value: this.expr(property), range });
      } else if (property.type === 'method_definition') {
        entries.push({ name: property.childForFieldName('name')?.text, value: this.lambda(property, range), range });
      } else {
        entries.push({ value: this.expr(property), range });
      }
    }
    return entries;
  }
}

function isStatementLike(node: Node): boolean {
  const type = node.type;
  return type.endsWith('_statement') || type.endsWith('_declaration') || type === 'statement_block' || type === 'ERROR' ||
    type === 'switch_case' || type === 'switch_default' || type === 'switch_body' || type === 'catch_clause' || type === 'finally_clause' ||
    type === 'else_clause' || type === 'internal_module' || type === 'module';
}

/** `require('x')`, `await import('x')`: the module specifier. */
function requiredModule(node: Node): string | undefined {
  if (node.type !== 'call_expression') return undefined;
  const fn = node.childForFieldName('function');
  if (fn?.type !== 'identifier' && fn?.type !== 'import') return undefined;
  if (fn.type === 'identifier' && fn.text !== 'require') return undefined;
  const args = node.childForFieldName('arguments');
  const first = args ? named(args) : [];
  return first.length === 1 ? stringValue(first[0]) : undefined;
}

function destructuredNames(pattern: Node): { name: string; alias: string }[] {
  return named(pattern).flatMap((property) => {
    if (property.type === 'shorthand_property_identifier_pattern') return [{ name: property.text, alias: property.text }];
    if (property.type === 'pair_pattern') {
      const key = property.childForFieldName('key')?.text;
      const value = property.childForFieldName('value');
      return key && value?.type === 'identifier' ? [{ name: key, alias: value.text }] : [];
    }
    return [];
  });
}

/** `function default(a, b) { return name(a, b); }`: the default export, forwarding to `name`. */
function forwarder(name: string, params: Param[], range: Range): Stmt {
  const forwarded = params.map((param) => ({ name: param.name, range: param.range }));
  const call: Expr = { kind: 'call', callee: { kind: 'name', id: name, range }, args: forwarded.map((param) => ({ kind: 'name', id: param.name, range })), keywords: [], range };
  return { kind: 'def', fn: { name: 'default', nameRange: range, params: forwarded, body: [{ kind: 'return', value: call, range }], range }, range };
}

/** `wd`, `wd != null`, `wd !== undefined`, `wd > 0`, `wd !== 0` (the name is checked against parameters later). */
function paramGuard(condition: Node, range: Range): ParamGuard | undefined {
  if (condition.type === 'identifier') return { param: condition.text, test: 'truthy', range };
  if (condition.type !== 'binary_expression') return undefined;
  const left = condition.childForFieldName('left');
  const right = condition.childForFieldName('right');
  const operator = condition.childForFieldName('operator')?.type;
  if (left?.type !== 'identifier' || !right || !operator) return undefined;
  if ((operator === '!=' || operator === '!==') && (right.type === 'null' || right.type === 'undefined')) return { param: left.text, test: 'notNone', range };
  if ((operator === '>' || operator === '!=' || operator === '!==') && right.type === 'number' && Number(right.text) === 0) return { param: left.text, test: 'positive', range };
  return undefined;
}
