// A small, language-neutral intermediate form of the code the analysis reads. Parsers produce it;
// the evaluator consumes it. It keeps only what value flow needs and folds everything else into
// `group` nodes, so every name read in the source is still present.
import type { Range } from './findings';

/** The name of a `**mapping` argument among a call's keywords. */
export const SPLAT = '**';

export interface Keyword {
  name: string;
  value: Expr;
  range: Range;
}

export type Expr =
  | { kind: 'name'; id: string; range: Range }
  | { kind: 'attr'; object: Expr; attr: string; range: Range }
  | { kind: 'call'; callee: Expr; args: Expr[]; keywords: Keyword[]; range: Range }
  | { kind: 'num'; value: number; range: Range }
  | { kind: 'str'; value: string; range: Range }
  | { kind: 'none'; range: Range }
  | { kind: 'binop'; op: string; left: Expr; right: Expr; range: Range }
  | { kind: 'neg'; operand: Expr; range: Range }
  | { kind: 'lambda'; body: Expr; range: Range }
  /** Lists, tuples and any construct the analysis does not model: the union of its parts. */
  /**
   * `tuple`: a tuple, unpacked by position; `subscript`: `value[index]`, an item of the value;
   * `keys`: a dict, the string key of each item (undefined for an entry without one); `starred`:
   * `*data` among a call's arguments, filling as many positions as `data` has items;
   * `conditional`: `a if test else b`, items `[a, test, b]`.
   */
  | { kind: 'group'; items: Expr[]; range: Range; tuple?: true; subscript?: true; keys?: (string | undefined)[]; starred?: true; conditional?: true }
  /** What an unpacking assignment binds one name to: item `index` of `count` of the value (`a, b = f()`). */
  | { kind: 'element'; of: Expr; index: number; count: number; range: Range };

/** A condition on a parameter that gates a block: `if wd is not None:`, `if wd:`, `if wd > 0:`. */
export interface ParamGuard {
  param: string;
  test: 'notNone' | 'truthy' | 'positive';
  range: Range;
}

/**
 * `if optim == 'adam':`, `if args.optimizer.lower() in ('adam', 'adamw'):`: the branch runs for those
 * values of a (dotted) name (or all but those). `caseless`: compared after `.lower()` / `.upper()` (values kept lower case).
 */
export interface BranchChoice {
  name: string;
  values: readonly string[];
  caseless?: true;
  /** `name != 'adam'`, `name not in (...)`: runs for every value but those. */
  negated?: true;
  /** `'adam' in name`: runs for the values holding one of the strings. */
  substring?: true;
}

/** A value the branch runs for (before `negated`): equal to one of its strings, or holding one. */
export function choiceMatches(choice: Pick<BranchChoice, 'values' | 'substring'>, value: string): boolean {
  return choice.values.some((option) => (choice.substring ? value.includes(option) : value === option));
}

export interface Param {
  name: string;
  /** The keyword a caller passes it by, where that differs from the name (TS `{l2: wd}`). */
  keyword?: string;
  defaultValue?: Expr;
  /** `*terms` takes the remaining positional arguments, `**options` the remaining keywords. */
  rest?: 'positional' | 'keywords';
  range: Range;
}

export interface FunctionDef {
  name: string;
  nameRange: Range;
  params: Param[];
  body: Stmt[];
  range: Range;
  /** Names its `global` statements declare: assigning one rebinds the module's name. */
  globals?: string[];
}

export type Stmt =
  | { kind: 'assign'; targets: Expr[]; value: Expr; augmented: boolean; range: Range }
  | { kind: 'expr'; value: Expr; range: Range }
  | { kind: 'return'; value?: Expr; range: Range }
  | { kind: 'if'; test: Expr; guard?: ParamGuard; choice?: BranchChoice; body: Stmt[]; orelse: Stmt[]; range: Range }
  /**
   * Loops, `with`, `try` and unparsable regions: statements run in some order. A `for` loop also
   * names its target and iterable (both are the first two statements of the body too); a `with`
   * its context expressions.
   */
  | { kind: 'block'; body: Stmt[]; range: Range; loop?: { target: Expr; iterable: Expr }; withItems?: Expr[] }
  | { kind: 'def'; fn: FunctionDef; range: Range }
  /** `bases`: the dotted names of the base classes it derives from (`Base`, `keras.Model`). */
  | { kind: 'class'; name: string; body: Stmt[]; range: Range; bases?: string[] }
  /** `import a.b as c` (alias c) and `import a.b` (alias a, module a). */
  | { kind: 'import'; module: string; alias: string; range: Range }
  /** `from .m import f as g`: level counts the leading dots. */
  | { kind: 'from'; module: string; level: number; names: { name: string; alias: string }[]; range: Range };

export interface ModuleIR {
  body: Stmt[];
  /** Parts not analysed (syntax errors, pathological nesting, past the size limit); the rest of the file is. */
  unanalysed: { range: Range; reason: 'syntax error' | 'nested too deeply' | 'too large to analyse' }[];
}

/** Every expression in `roots` and inside them, depth first. */
export function* walkExpressions(roots: readonly Expr[]): Generator<Expr> {
  const stack = [...roots];
  while (stack.length > 0) {
    const expr = stack.pop()!;
    yield expr;
    appendAll(stack, childExprs(expr));
  }
}

/** The expression a dotted name reads (`self.weight_decay`), at `range`. */
export function dottedExpr(dotted: string, range: Range): Expr {
  const [head, ...rest] = dotted.split('.');
  return rest.reduce<Expr>((object, attr) => ({ kind: 'attr', object, attr, range }), { kind: 'name', id: head, range });
}

/** A literal integer index, from the end when negative (`batch[-1]`). */
export function integerIndex(index: Expr): number | undefined {
  const value = index.kind === 'num' ? index.value : index.kind === 'neg' && index.operand.kind === 'num' ? -index.operand.value : undefined;
  return value !== undefined && Number.isInteger(value) ? value : undefined;
}

/** Visits every statement, including those nested in blocks, ifs, classes and (unless told not to) functions. */
export function* walkStatements(body: readonly Stmt[], intoFunctions = true): Generator<Stmt> {
  const stack: Stmt[] = [...body].reverse();
  while (stack.length > 0) {
    const stmt = stack.pop()!;
    yield stmt;
    if (stmt.kind === 'def' && !intoFunctions) continue;
    const nested = nestedStatements(stmt);
    for (let i = nested.length - 1; i >= 0; i--) stack.push(nested[i]);
  }
}

function nestedStatements(stmt: Stmt): Stmt[] {
  switch (stmt.kind) {
    case 'if':
      return [...stmt.body, ...stmt.orelse];
    case 'block':
    case 'class':
      return stmt.body;
    case 'def':
      return stmt.fn.body;
    default:
      return [];
  }
}

/**
 * The expressions a statement reads itself, not those of statements nested in it: assigning a
 * name or an attribute writes it (an attribute target reads its object), `x += t` and subscript or
 * tuple targets read; a `with` reads its items, a `def` its defaults.
 */
export function readExpressions(stmt: Stmt): Expr[] {
  switch (stmt.kind) {
    case 'assign':
      return [stmt.value, ...stmt.targets.flatMap((target) => (stmt.augmented ? [target] : target.kind === 'name' ? [] : target.kind === 'attr' ? [target.object] : [target]))];
    case 'expr':
      return [stmt.value];
    case 'return':
      return stmt.value ? [stmt.value] : [];
    case 'if':
      return [stmt.test];
    case 'block':
      return stmt.withItems ?? [];
    case 'def':
      return stmt.fn.params.flatMap((param) => (param.defaultValue ? [param.defaultValue] : []));
    default:
      return [];
  }
}

/** Direct sub-expressions of an expression. */
export function childExprs(expr: Expr): Expr[] {
  switch (expr.kind) {
    case 'attr':
      return [expr.object];
    case 'call':
      return [expr.callee, ...expr.args, ...expr.keywords.map((k) => k.value)];
    case 'binop':
      return [expr.left, expr.right];
    case 'neg':
      return [expr.operand];
    case 'lambda':
      return [expr.body];
    case 'group':
      return expr.items;
    case 'element':
      return [expr.of];
    default:
      return [];
  }
}

/** `True`/`False` as written (they parse as names). */
export function isConstant(expr: Expr | undefined, constant: 'True' | 'False'): boolean {
  return expr?.kind === 'name' && expr.id === constant;
}

/** A call passes `name=True` (or `False`). */
export function keywordIs(call: Expr & { kind: 'call' }, name: string, constant: 'True' | 'False'): boolean {
  return call.keywords.some((keyword) => keyword.name === name && isConstant(keyword.value, constant));
}

/** `tf.nn.l2_loss` for an attribute chain of names, undefined for anything else. */
export function dottedName(expr: Expr): string | undefined {
  if (expr.kind === 'name') return expr.id;
  if (expr.kind === 'attr') {
    const base = dottedName(expr.object);
    return base === undefined ? undefined : `${base}.${expr.attr}`;
  }
  return undefined;
}

/** `net[0]`, `self.layers[2].fc`: a dotted name with integer indexes (a module of a Sequential or ModuleList). */
export function indexedName(expr: Expr): string | undefined {
  if (expr.kind === 'group' && expr.subscript && expr.items.length === 2 && expr.items[1].kind === 'num') {
    const base = indexedName(expr.items[0]);
    return base === undefined ? undefined : `${base}[${expr.items[1].value}]`;
  }
  if (expr.kind === 'attr') {
    const base = indexedName(expr.object);
    return base === undefined ? undefined : `${base}.${expr.attr}`;
  }
  return dottedName(expr);
}

export function containsPosition(range: Range, line: number, column: number): boolean {
  if (line < range.startLine || line > range.endLine) return false;
  if (line === range.startLine && column < range.startColumn) return false;
  if (line === range.endLine && column > range.endColumn) return false;
  return true;
}

export function rangeWithin(inner: Range, outer: Range): boolean {
  return containsPosition(outer, inner.startLine, inner.startColumn) && containsPosition(outer, inner.endLine, inner.endColumn);
}

/** `setattr(layer, 'kernel_regularizer', r)`: the attribute assignment it makes. */
export function attributeSetBy(expr: Expr): { target: Expr & { kind: 'attr' }; value: Expr } | undefined {
  if (expr.kind !== 'call' || expr.callee.kind !== 'name' || expr.callee.id !== 'setattr' || expr.args.length !== 3) return undefined;
  const [object, name, value] = expr.args;
  return name.kind === 'str' ? { target: { kind: 'attr', object, attr: name.value, range: expr.range }, value } : undefined;
}

/**
 * Appends `items` to `out` in place. `out.push(...items)` passes every item as an argument and
 * overflows the stack at around 100,000 items, which one long file or cell reaches.
 */
export function appendAll<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}
