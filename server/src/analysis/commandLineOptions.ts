// Command-line options in real scripts, read with argparse or absl/TF
// flags, with the defaults their definitions state. Each module's definitions are found once, by a
// walk of its IR; the evaluator turns them into records (`fields` values).
import { childExprs, dottedName, walkStatements, type Expr, type Keyword, type Stmt } from './ir';
import { pushTo, type ModuleInfo } from './moduleInfo';

/** Option name (`weight_decay` for `--weight-decay`) to the expressions its definitions give as default. */
export type Options = Map<string, Expr[]>;

export interface ModuleOptions {
  /** `parser.add_argument('--wd', default=5e-4)`: read by `parser.parse_args()` of this module. */
  argparse: Options;
  /** `flags.DEFINE_float('wd', 5e-4, ...)`: process-wide, read by `FLAGS.wd` in any module. */
  flags: Options;
}

const optionsOf = new WeakMap<ModuleInfo, ModuleOptions>();
/** Per top-level statement: the parser keeps an unchanged statement's IR across edits, so an edit walks only what it changed. */
const definitionsOf = new WeakMap<Stmt, (Expr & { kind: 'call' })[]>();

export function moduleOptions(module: ModuleInfo): ModuleOptions {
  let options = optionsOf.get(module);
  if (!options) {
    options = { argparse: new Map(), flags: new Map() };
    for (const stmt of module.ir.body) for (const call of definitionsIn(stmt)) addDefinition(call, options);
    optionsOf.set(module, options);
  }
  return options;
}

function definitionsIn(stmt: Stmt): (Expr & { kind: 'call' })[] {
  let calls = definitionsOf.get(stmt);
  if (!calls) {
    calls = [...callsIn([stmt])].filter((call) => call.callee.kind === 'attr' && (call.callee.attr === 'add_argument' || /^DEFINE_\w+$/.test(call.callee.attr)));
    definitionsOf.set(stmt, calls);
  }
  return calls;
}

/** Changes when a definition or a default changes (or moves: defaults are sites of findings). */
export function optionsSignature(module: ModuleInfo): string {
  const { argparse, flags } = moduleOptions(module);
  if (argparse.size === 0 && flags.size === 0) return '';
  return JSON.stringify([[...argparse], [...flags]]);
}

/** The qualified names of the flags object in TF1 and absl. */
export function isFlagsObject(qualified: string): boolean {
  return /^(?:absl\.flags|tensorflow(?:\.compat\.v1)?(?:\.app)?\.flags)\.FLAGS$/.test(qualified);
}

function addDefinition(call: Expr & { kind: 'call' }, options: ModuleOptions): void {
  const callee = call.callee;
  if (callee.kind !== 'attr') return;
  if (callee.attr === 'add_argument') {
    const name = argparseDest(call);
    if (name) pushTo(options.argparse, name, argparseDefault(call));
  } else if (/^DEFINE_\w+$/.test(callee.attr) && dottedName(callee)) {
    const nameExpr = call.args[0] ?? keyword(call.keywords, 'name');
    const defaultExpr = call.args[1] ?? keyword(call.keywords, 'default');
    if (nameExpr?.kind === 'str' && defaultExpr) pushTo(options.flags, nameExpr.value, defaultExpr);
  }
}

/** `dest=`, else the first long option (`--weight-decay` -> `weight_decay`), else the first short one or the positional name. */
function argparseDest(call: Expr & { kind: 'call' }): string | undefined {
  const dest = keyword(call.keywords, 'dest');
  if (dest) return dest.kind === 'str' ? dest.value : undefined;
  const names = call.args.flatMap((arg) => (arg.kind === 'str' ? [arg.value] : []));
  const chosen = names.find((name) => name.startsWith('--')) ?? names[0];
  return chosen?.replace(/^-+/, '').replace(/-/g, '_') || undefined;
}

/** The default argparse gives an option: `default=`, False/True for store_true/store_false, else None. */
function argparseDefault(call: Expr & { kind: 'call' }): Expr {
  const given = keyword(call.keywords, 'default');
  const type = keyword(call.keywords, 'type');
  // `default='5e-4', type=float`: argparse converts a string default with the type.
  if (given?.kind === 'str' && type?.kind === 'name' && (type.id === 'float' || type.id === 'int') && given.value.trim() !== '' && Number.isFinite(Number(given.value))) {
    return { kind: 'num', value: Number(given.value), range: given.range };
  }
  if (given) return given;
  const action = keyword(call.keywords, 'action');
  if (action?.kind === 'str' && (action.value === 'store_true' || action.value === 'store_false')) {
    return { kind: 'name', id: action.value === 'store_true' ? 'False' : 'True', range: action.range };
  }
  return { kind: 'none', range: call.range };
}

function keyword(keywords: readonly Keyword[], name: string): Expr | undefined {
  return keywords.find((candidate) => candidate.name === name)?.value;
}

/** Every call in these statements and the statements nested in them. */
function* callsIn(body: readonly Stmt[]): Generator<Expr & { kind: 'call' }> {
  for (const stmt of walkStatements(body)) {
    const exprs = statementExprs(stmt);
    while (exprs.length > 0) {
      const expr = exprs.pop()!;
      if (expr.kind === 'call') yield expr;
      // A loop: a line of a hundred thousand items is too many arguments for a spread.
      for (const child of childExprs(expr)) exprs.push(child);
    }
  }
}

function statementExprs(stmt: Stmt): Expr[] {
  switch (stmt.kind) {
    case 'assign':
    case 'expr':
      return [stmt.value];
    case 'return':
      return stmt.value ? [stmt.value] : [];
    default:
      return [];
  }
}
