// Converts a tree-sitter Python syntax tree into the analysis IR. Total: every node kind maps to
// something (unknown constructs become `group`s of their parts), and nothing here throws on
// syntax errors, since tree-sitter always yields a tree.
// Every Node property read is a call into wasm (a node's type, its end) and every child a new
// object: each node's type is read once and handed on, and ranges are read only where used.
import type { Node } from 'web-tree-sitter';
import type { Range } from '../analysis/findings';
import { appendAll, SPLAT, type BranchChoice, type Expr, type FunctionDef, type Keyword, type Param, type ParamGuard, type Stmt } from '../analysis/ir';

export function rangeOf(node: Node): Range {
  const start = node.startPosition;
  const end = node.endPosition;
  return { startLine: start.row, startColumn: start.column, endLine: end.row, endColumn: end.column };
}

/** A syntax node with its type, read once. */
interface Part {
  node: Node;
  type: string;
}

/** Named children but comments, with their types. */
function namedParts(node: Node): Part[] {
  const parts: Part[] = [];
  for (const child of node.namedChildren) {
    if (!child) continue;
    const type = child.type;
    if (type !== 'comment') parts.push({ node: child, type });
  }
  return parts;
}

function convertStatement(node: Node, type: string): Stmt[] {
  switch (type) {
    case 'expression_statement':
      return namedParts(node).map((part) => dynamicImport(convertExpressionStatement(part.node, part.type)));
    case 'return_statement': {
      const value = node.firstNamedChild;
      return [{ kind: 'return', value: value ? convertExpr(value, value.type) : undefined, range: rangeOf(node) }];
    }
    case 'function_definition': {
      const range = rangeOf(node);
      return [{ kind: 'def', fn: convertFunction(node, range), range }];
    }
    case 'decorated_definition': {
      const definition = node.childForFieldName('definition');
      return definition ? convertStatement(definition, definition.type) : [];
    }
    case 'class_definition': {
      const body = node.childForFieldName('body');
      const superclasses = node.childForFieldName('superclasses');
      const bases = superclasses ? superclasses.namedChildren.flatMap((base) => (base && (base.type === 'identifier' || base.type === 'attribute') ? [base.text] : [])) : [];
      return [
        {
          kind: 'class',
          name: node.childForFieldName('name')?.text ?? '',
          body: body ? convertBlock(body) : [],
          range: rangeOf(node),
          bases,
        },
      ];
    }
    case 'if_statement':
    case 'elif_clause':
      return [convertIf(node)];
    case 'import_statement':
      return convertImport(node);
    case 'import_from_statement':
      return convertFromImport(node);
    case 'block':
      return convertBlock(node);
    case 'for_statement': {
      // Named children are [left, right, body, else?]: the first two become expression statements.
      const parts = namedParts(node);
      const body = convertMixed(parts);
      const [target, iterable] = body;
      if (target?.kind !== 'expr' || iterable?.kind !== 'expr') return [{ kind: 'block', body, range: rangeOf(node) }];
      return [{ kind: 'block', body, range: rangeOf(node), loop: { target: target.value, iterable: iterable.value } }];
    }
    case 'with_statement': {
      const parts = namedParts(node);
      return [{ kind: 'block', body: convertMixed(parts), range: rangeOf(node), withItems: withItems(parts) }];
    }
    default:
      return [{ kind: 'block', body: convertMixed(namedParts(node)), range: rangeOf(node) }];
  }
}

/** Children of a statement we do not model: nested statements stay statements, expressions become expression statements. */
function convertMixed(parts: readonly Part[]): Stmt[] {
  const out: Stmt[] = [];
  for (const { node, type } of parts) {
    if (isStatementType(type)) appendAll(out, convertStatement(node, type));
    else out.push(expressionStatement(node, type));
  }
  return out;
}

/** The context expressions of `with a as x, b:` (the with statement's parts), without their `as` targets. */
function withItems(statementParts: readonly Part[]): Expr[] {
  const clause = statementParts.find((part) => part.type === 'with_clause');
  const items: Expr[] = [];
  for (const item of clause ? namedParts(clause.node) : []) {
    let value = item.type === 'with_item' ? item.node.childForFieldName('value') : null;
    let type = value?.type;
    if (type === 'as_pattern') {
      value = value!.firstNamedChild;
      type = value?.type;
    }
    if (value) items.push(convertExpr(value, type!));
  }
  return items;
}

function isStatementType(type: string): boolean {
  return type.endsWith('_statement') || type.endsWith('_clause') || type === 'block' ||
    type === 'function_definition' || type === 'class_definition' || type === 'decorated_definition' ||
    type === 'ERROR';
}

function convertBlock(block: Node): Stmt[] {
  // Blocks nested deeper than any real program: cut off here, at a depth that does not depend on
  // the thread's stack (a worker's is larger than the main thread's).
  if (statementDepth >= MAX_STATEMENT_DEPTH) {
    cutOff.push(rangeOf(block));
    return [];
  }
  statementDepth++;
  try {
    const out: Stmt[] = [];
    for (const { node, type } of namedParts(block)) appendAll(out, convertStatement(node, type));
    return out;
  } finally {
    statementDepth--;
  }
}

function convertExpressionStatement(node: Node, type: string): Stmt {
  if (type === 'assignment' || type === 'augmented_assignment') {
    const range = rangeOf(node);
    const targets: Expr[] = [];
    let current: Node | null = node;
    let currentType: string | undefined = type;
    let value: Node | null = null;
    // `a = b = expr` nests assignments in the right-hand side.
    while (current && (currentType === 'assignment' || currentType === 'augmented_assignment')) {
      const left = current.childForFieldName('left');
      if (left) targets.push(convertExpr(left, left.type));
      value = current.childForFieldName('right');
      current = value;
      currentType = value?.type;
    }
    const converted: Expr = value ? convertExpr(value, currentType!) : { kind: 'group', items: [], range: copyRange(range) };
    // `loss -= wd * l2` is `loss = loss - wd * l2`: what is subtracted keeps its sign.
    const subtracts = type === 'augmented_assignment' && targets.length === 1 && node.childForFieldName('operator')?.type === '-=';
    return {
      kind: 'assign',
      targets,
      value: subtracts ? { kind: 'binop', op: '-', left: targets[0], right: converted, range: copyRange(range) } : converted,
      augmented: type === 'augmented_assignment',
      range,
    };
  }
  return expressionStatement(node, type);
}

/** An expression as a statement, over the expression's range (not read twice where the expression's is the node's). */
function expressionStatement(node: Node, type: string): Stmt {
  const value = convertExpr(node, type);
  const unwraps = type === 'parenthesized_expression' || type === 'unary_operator';
  return { kind: 'expr', value, range: unwraps ? rangeOf(node) : copyRange(value.range) };
}

/** Ranges are never shared between IR nodes: each is its own object, as a fresh read gives. */
function copyRange(range: Range): Range {
  return { startLine: range.startLine, startColumn: range.startColumn, endLine: range.endLine, endColumn: range.endColumn };
}

/**
 * `f = __import__('3-helpers').f` and `m = __import__('helpers')`: imports of modules whose file
 * names are no identifiers (course repositories name files `0-forward.py`).
 */
function dynamicImport(stmt: Stmt): Stmt {
  if (stmt.kind !== 'assign' || stmt.targets.length !== 1 || stmt.targets[0].kind !== 'name') return stmt;
  const alias = stmt.targets[0].id;
  const value = stmt.value;
  const call = value.kind === 'attr' ? value.object : value;
  if (call.kind !== 'call' || call.callee.kind !== 'name' || call.callee.id !== '__import__' || call.args[0]?.kind !== 'str') return stmt;
  const module = call.args[0].value;
  if (value.kind === 'attr') return { kind: 'from', module, level: 0, names: [{ name: value.attr, alias }], range: stmt.range };
  return { kind: 'import', module, alias, range: stmt.range };
}

function convertFunction(node: Node, range: Range): FunctionDef {
  const nameNode = node.childForFieldName('name');
  const parameters = node.childForFieldName('parameters');
  const body = node.childForFieldName('body');
  const globals = body ? declaredGlobals(body) : [];
  return {
    name: nameNode?.text ?? '',
    nameRange: nameNode ? rangeOf(nameNode) : copyRange(range),
    params: parameters ? convertParams(parameters) : [],
    body: body ? convertBlock(body) : [],
    range: copyRange(range),
    ...(globals.length > 0 ? { globals } : {}),
  };
}

/** The names a function body's `global` statements declare (not those of functions nested in it). */
function declaredGlobals(body: Node): string[] {
  const names: string[] = [];
  const stack: Node[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'global_statement') for (const name of child.namedChildren) if (name?.type === 'identifier') names.push(name.text);
      if (child.type !== 'function_definition' && child.type !== 'class_definition' && child.type !== 'lambda') stack.push(child);
    }
  }
  return names;
}

function convertParams(parameters: Node): Param[] {
  const params: Param[] = [];
  for (const { node: child, type } of namedParts(parameters)) {
    if (type === 'identifier') {
      params.push({ name: child.text, range: rangeOf(child) });
    } else if (type === 'default_parameter' || type === 'typed_default_parameter') {
      const name = child.childForFieldName('name');
      const value = child.childForFieldName('value');
      if (name) params.push({ name: name.text, defaultValue: value ? convertExpr(value, value.type) : undefined, range: rangeOf(child) });
    } else if (type === 'typed_parameter') {
      const name = child.namedChildren.find((c) => c?.type === 'identifier');
      if (name) params.push({ name: name.text, range: rangeOf(child) });
    } else if (type === 'list_splat_pattern' || type === 'dictionary_splat_pattern') {
      const name = child.namedChildren.find((c) => c?.type === 'identifier');
      if (name) params.push({ name: name.text, rest: type === 'list_splat_pattern' ? 'positional' : 'keywords', range: rangeOf(child) });
    }
  }
  return params;
}

function convertIf(node: Node): Stmt {
  const range = rangeOf(node);
  const condition = node.childForFieldName('condition');
  const conditionType = condition?.type;
  const consequence = node.childForFieldName('consequence');
  const orelse: Stmt[] = [];
  for (const alternative of node.childrenForFieldName('alternative')) {
    if (!alternative) continue;
    if (alternative.type === 'elif_clause') orelse.push(convertIf(alternative));
    else {
      const body = alternative.childForFieldName('body');
      if (body) appendAll(orelse, convertBlock(body));
    }
  }
  return {
    kind: 'if',
    test: condition ? convertExpr(condition, conditionType!) : { kind: 'group', items: [], range: copyRange(range) },
    guard: condition ? paramGuard(condition, conditionType!, copyRange(range)) : undefined,
    choice: condition ? branchChoice(condition, conditionType!) : undefined,
    body: consequence ? convertBlock(consequence) : [],
    orelse,
    range,
  };
}

/** Recognises `x is not None`, `x != None`, `x`, `x > 0` (the name is checked against parameters later). */
/**
 * `if wd:`, `if wd is not None:`, `if wd > 0:` on a name, or on a dotted one (`self.weight_decay`,
 * `cfg.l2`), which is then no parameter but may be a known constant.
 */
function paramGuard(condition: Node, type: string, range: Range): ParamGuard | undefined {
  if (isDottedName(condition, type)) return { param: condition.text, test: 'truthy', range };
  if (type === 'parenthesized_expression') {
    const inner = namedParts(condition);
    return inner.length === 1 ? paramGuard(inner[0].node, inner[0].type, range) : undefined;
  }
  // `wd is not None and wd > 0`: the block runs only when every part holds, so each part's guard
  // switches it off; a `> 0` part is taken first (it is off for None and 0 both).
  if (type === 'boolean_operator' && condition.childForFieldName('operator')?.type === 'and') {
    const parts = namedParts(condition).flatMap((part) => paramGuard(part.node, part.type, copyRange(range)) ?? []);
    return parts.find((part) => part.test === 'positive') ?? parts[0];
  }
  if (type !== 'comparison_operator') return undefined;
  const parts = namedParts(condition);
  if (parts.length !== 2 || !isDottedName(parts[0].node, parts[0].type)) return undefined;
  const operands = parts.map((part) => part.node);
  const operator = condition.children
    .filter((child): child is Node => child !== null && !child.isNamed)
    .map((child) => child.type)
    .join(' ');
  const right = operands[1];
  if ((operator === 'is not' || operator === '!=') && right.type === 'none') {
    return { param: operands[0].text, test: 'notNone', range };
  }
  if ((operator === '>' || operator === '!=') && (right.type === 'integer' || right.type === 'float') && Number(right.text) === 0) {
    return { param: operands[0].text, test: 'positive', range };
  }
  return undefined;
}

/** `name == 'a'`, `name.lower() in ('a', 'b')`, `name == 'a' or name == 'b'`, `name != 'a'`: the values of the name the branch runs for (or, negated, does not). */
function branchChoice(condition: Node, type: string): BranchChoice | undefined {
  if (type === 'parenthesized_expression') {
    const inner = namedParts(condition);
    return inner.length === 1 ? branchChoice(inner[0].node, inner[0].type) : undefined;
  }
  if (type === 'boolean_operator' && condition.childForFieldName('operator')?.type === 'or') {
    const parts = namedParts(condition).map((part) => branchChoice(part.node, part.type));
    const [first] = parts;
    if (!first || parts.some((part) => !part || part.name !== first.name || part.caseless !== first.caseless || part.substring !== first.substring || part.negated)) return undefined;
    return { ...first, values: parts.flatMap((part) => part!.values) };
  }
  if (type !== 'comparison_operator') return undefined;
  const parts = namedParts(condition);
  const operator = condition.children.filter((child): child is Node => child !== null && !child.isNamed).map((child) => child.type).join(' ');
  const negated = operator === '!=' || operator === 'not in';
  if (parts.length !== 2 || !['==', 'in', '!=', 'not in'].includes(operator)) return undefined;
  const isPlainString = (part: { node: Node; type: string }) => part.type === 'string' && !part.node.namedChildren.some((child) => child?.type === 'interpolation');
  // `'adam' in cfg['name']`: the branch runs for the names holding the string.
  const substring = (operator === 'in' || operator === 'not in') && isPlainString(parts[0]);
  const [subject, compared] = substring ? [parts[1], parts[0]] : parts;
  const strings = operator === '==' || operator === '!=' || substring ? [compared] : ['tuple', 'list', 'set'].includes(compared.type) ? namedParts(compared.node) : [];
  if (strings.length === 0 || !strings.every(isPlainString)) return undefined;
  const values = strings.map((part) => stringValue(part.node));
  const named = choiceName(subject.node, subject.type);
  if (!named) return undefined;
  const { name, caseless } = named;
  return { name, values: caseless ? values.map((value) => value.toLowerCase()) : values, ...(caseless ? { caseless } : {}), ...(negated ? { negated: true as const } : {}), ...(substring ? { substring: true as const } : {}) };
}

/** The name a branch compares: a dotted name, a field (`params['optimizer']` as `params.optimizer`), or one lower-cased (`opt.lower()`, compared without case). */
function choiceName(node: Node, type: string): { name: string; caseless?: true } | undefined {
  if (isDottedName(node, type)) return { name: node.text };
  const field = type === 'subscript' ? subscriptField(node) : undefined;
  if (field) return { name: field };
  const callee = type === 'call' ? node.childForFieldName('function') : null;
  const args = type === 'call' ? node.childForFieldName('arguments') : null;
  const object = callee?.type === 'attribute' ? callee.childForFieldName('object') : null;
  const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
  if (!object || !args || args.namedChildCount > 0 || (method !== 'lower' && method !== 'upper') || !isDottedName(object, object.type)) return undefined;
  return { name: object.text, caseless: true };
}

/** `cfg['optimizer']` (or `cfg['optim']['name']`) on a dotted name: `cfg.optimizer`. */
function subscriptField(node: Node): string | undefined {
  const value = node.childForFieldName('value');
  const key = node.childForFieldName('subscript');
  if (!value || key?.type !== 'string' || key.namedChildren.some((child) => child?.type === 'interpolation')) return undefined;
  const name = stringValue(key);
  if (!/^\w+$/.test(name)) return undefined;
  const base = isDottedName(value, value.type) ? value.text : value.type === 'subscript' ? subscriptField(value) : undefined;
  return base ? `${base}.${name}` : undefined;
}

function isDottedName(node: Node, type: string): boolean {
  return type === 'identifier' || (type === 'attribute' && /^[A-Za-z_][\w.]*$/.test(node.text));
}

function convertImport(node: Node): Stmt[] {
  const out: Stmt[] = [];
  for (const { node: child, type } of namedParts(node)) {
    if (type === 'dotted_name') {
      out.push({ kind: 'import', module: child.text, alias: child.text.split('.')[0], range: rangeOf(child) });
    } else if (type === 'aliased_import') {
      const name = child.childForFieldName('name')?.text;
      const alias = child.childForFieldName('alias')?.text;
      if (name && alias) out.push({ kind: 'import', module: name, alias, range: rangeOf(child) });
    }
  }
  return out;
}

function convertFromImport(node: Node): Stmt[] {
  const moduleNode = node.childForFieldName('module_name');
  let module = '';
  let level = 0;
  if (moduleNode?.type === 'relative_import') {
    for (const child of moduleNode.children) {
      if (child?.type === 'import_prefix') level = child.text.length;
      else if (child?.type === 'dotted_name') module = child.text;
    }
  } else if (moduleNode) {
    module = moduleNode.text;
  }
  const names: { name: string; alias: string }[] = [];
  // `from model import *`: every public name of the module, resolved when a name is looked up.
  if (node.namedChildren.some((child) => child?.type === 'wildcard_import')) names.push({ name: '*', alias: '*' });
  for (const child of node.childrenForFieldName('name')) {
    if (child?.type === 'dotted_name') names.push({ name: child.text, alias: child.text });
    else if (child?.type === 'aliased_import') {
      const name = child.childForFieldName('name')?.text;
      const alias = child.childForFieldName('alias')?.text;
      if (name && alias) names.push({ name, alias });
    }
  }
  return [{ kind: 'from', module, level, names, range: rangeOf(node) }];
}

/** Tuples, whose items unpack by position (`return total, xent` into `total, xent = loss()`). */
const tupleTypes = new Set(['expression_list', 'tuple', 'pattern_list', 'tuple_pattern']);

/** Deeper expressions are cut off (and reported): recursion stays far from the stack limit. */
export const MAX_EXPRESSION_DEPTH = 200;
/** Nested blocks converted, at most (`if` in `for` in `def`...: real code stays far below). */
export const MAX_STATEMENT_DEPTH = 100;
let expressionDepth = 0;
let statementDepth = 0;
let cutOff: Range[] = [];

/** Converts one top-level statement; `tooDeep` lists where nesting was cut off. */
export function convertTopLevel(node: Node): { stmts: Stmt[]; tooDeep: Range[] } {
  cutOff = [];
  expressionDepth = 0;
  statementDepth = 0;
  try {
    return { stmts: convertStatement(node, node.type), tooDeep: cutOff };
  } catch (error) {
    // Statement nesting tree-sitter accepted but the stack does not: skip the statement.
    if (!(error instanceof RangeError)) throw error;
    return { stmts: [], tooDeep: [rangeOf(node)] };
  }
}

function convertExpr(node: Node, type: string): Expr {
  if (expressionDepth >= MAX_EXPRESSION_DEPTH) {
    cutOff.push(rangeOf(node));
    return { kind: 'group', items: [], range: rangeOf(node) };
  }
  expressionDepth++;
  try {
    return convertExprNode(node, type);
  } finally {
    expressionDepth--;
  }
}

function convertExprNode(node: Node, type: string): Expr {
  if (type === 'identifier') {
    // Names never span lines: the end follows from the text, one call into wasm fewer.
    const id = node.text;
    const start = node.startPosition;
    return { kind: 'name', id, range: { startLine: start.row, startColumn: start.column, endLine: start.row, endColumn: start.column + id.length } };
  }
  const range = rangeOf(node);
  switch (type) {
    case 'attribute': {
      // Named children are [object, attribute] (no comments can sit in between).
      const parts = node.namedChildren;
      const object = parts[0];
      const attribute = parts[parts.length - 1];
      if (parts.length !== 2 || !object || attribute?.type !== 'identifier') break;
      return { kind: 'attr', object: convertExpr(object, object.type), attr: attribute.text, range };
    }
    case 'call':
      return convertCall(node, range);
    case 'integer':
    case 'float': {
      const value = Number(node.text.replace(/_/g, ''));
      if (Number.isFinite(value)) return { kind: 'num', value, range };
      break;
    }
    case 'string':
      return { kind: 'str', value: stringValue(node), range };
    case 'none':
      return { kind: 'none', range };
    case 'true':
    case 'false':
      // As the builtin names they are (`bias=False` is read by name).
      return { kind: 'name', id: type === 'true' ? 'True' : 'False', range };
    case 'parenthesized_expression': {
      const inner = node.firstNamedChild;
      if (inner && node.namedChildCount === 1) return convertExpr(inner, inner.type);
      break;
    }
    case 'binary_operator': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const operator = node.childForFieldName('operator');
      if (!left || !right || !operator) break;
      return { kind: 'binop', op: operator.type, left: convertExpr(left, left.type), right: convertExpr(right, right.type), range };
    }
    case 'unary_operator': {
      const argument = node.childForFieldName('argument');
      const operator = node.childForFieldName('operator');
      if (!argument) break;
      const operand = convertExpr(argument, argument.type);
      if (operator?.type === '-') return { kind: 'neg', operand, range };
      if (operator?.type === '+') return operand;
      break;
    }
    case 'lambda': {
      const body = node.childForFieldName('body');
      if (body) return { kind: 'lambda', body: convertExpr(body, body.type), range };
      break;
    }
    case 'dictionary': {
      // `{'lr': 0.1, 'weight_decay': 5e-4}`: a record when its keys are strings; other entries stay whole.
      const items: Expr[] = [];
      const keys: (string | undefined)[] = [];
      for (const { node: child, type: childType } of namedParts(node)) {
        const key = childType === 'pair' ? child.childForFieldName('key') : null;
        const value = key?.type === 'string' ? child.childForFieldName('value') : null;
        items.push(value ? convertExpr(value, value.type) : convertExpr(child, childType));
        keys.push(value ? stringValue(key!) : undefined);
      }
      return { kind: 'group', items, range, keys };
    }
  }
  // Comments among the parts are left out: a list's or tuple's items keep their count and positions.
  const items = node.namedChildren.flatMap((child) => (child && child.type !== 'comment' ? [convertExpr(child, child.type)] : []));
  if (tupleTypes.has(type)) return { kind: 'group', items, range, tuple: true };
  if (type === 'conditional_expression' && items.length === 3) return { kind: 'group', items, range, conditional: true };
  return type === 'subscript' ? { kind: 'group', items, range, subscript: true } : { kind: 'group', items, range };
}

function convertCall(node: Node, range: Range): Expr {
  // Named children are [function, arguments].
  const parts = node.namedChildren;
  const fn = parts.length === 2 ? parts[0] : node.childForFieldName('function');
  const argumentsNode = parts.length === 2 ? parts[1] : node.childForFieldName('arguments');
  const args: Expr[] = [];
  const keywords: Keyword[] = [];
  const argumentsType = argumentsNode?.type;
  if (argumentsNode && argumentsType === 'argument_list') {
    for (const argument of argumentsNode.namedChildren) {
      if (!argument) continue;
      const type = argument.type;
      if (type === 'comment') continue;
      if (type === 'keyword_argument') {
        const [name, value] = namedParts(argument);
        if (name && value) keywords.push({ name: name.node.text, value: convertExpr(value.node, value.type), range: rangeOf(argument) });
      } else if (type === 'dictionary_splat' || type === 'list_splat') {
        const inner = argument.firstNamedChild;
        if (!inner) args.push(convertExpr(argument, type));
        // `**cfg`: keywords from a dict, under the name no keyword can have.
        else if (type === 'dictionary_splat') keywords.push({ name: SPLAT, value: convertExpr(inner, inner.type), range: rangeOf(argument) });
        // `*data`: as many positions as the sequence has items.
        else args.push({ kind: 'group', items: [convertExpr(inner, inner.type)], range: rangeOf(argument), starred: true });
      } else {
        args.push(convertExpr(argument, type));
      }
    }
  } else if (argumentsNode) {
    args.push(convertExpr(argumentsNode, argumentsType!));
  }
  return { kind: 'call', callee: fn ? convertExpr(fn, fn.type) : { kind: 'group', items: [], range }, args, keywords, range };
}

/** A string's opening: its prefix letters and quotes. */
const STRING_OPENING = /^([A-Za-z]*)("""|'''|"|')/;

/**
 * The text of a string's contents, escapes as written. Without interpolations (no f or t prefix)
 * and without errors, that is the text between its quotes, read without visiting its children.
 */
function stringValue(node: Node): string {
  const text = node.text;
  const opening = STRING_OPENING.exec(text);
  if (opening && !/[fFtT]/.test(opening[1]) && text.length >= opening[0].length + opening[2].length && text.endsWith(opening[2]) && !node.hasError) {
    return text.slice(opening[0].length, text.length - opening[2].length);
  }
  let value = '';
  for (const child of node.namedChildren) {
    if (child?.type === 'string_content') value += child.text;
  }
  return value;
}
