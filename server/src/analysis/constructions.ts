// Where the workspace constructs its classes: `Solver(net, cfg)`, `Runtime(model, config["exp"])`.
// An argument a constructor stores on the instance (`self.params = params`) is what those calls
// pass; these tables find the calls, once per module version.
import { childExprs, dottedName, readExpressions, type Expr, type FunctionDef, type Stmt } from './ir';
import { pushTo, type ModuleInfo } from './moduleInfo';

/**
 * A call that may construct a class of that name, and the top-level function or method it is
 * written in (none: module level). `nested`: inside a function defined within another one (or
 * under an `if` at module level), whose scope the tables do not keep.
 */
export interface ConstructionSite {
  call: Expr & { kind: 'call' };
  fn?: FunctionDef;
  nested?: boolean;
}

/** Per module version: the calls, by the last part of their callee's name (`Solver` for `solver.Solver(...)`). */
const callsByName = new WeakMap<ModuleInfo, Map<string, ConstructionSite[]>>();

function callsOf(module: ModuleInfo): Map<string, ConstructionSite[]> {
  const known = callsByName.get(module);
  if (known) return known;
  const calls = new Map<string, ConstructionSite[]>();
  const collect = (stmts: readonly Stmt[], fn: FunctionDef | undefined) => {
    const pending = stmts.map((stmt) => ({ stmt, nested: false }));
    while (pending.length > 0) {
      const { stmt, nested } = pending.pop()!;
      if (stmt.kind === 'def') {
        for (const inner of stmt.fn.body) pending.push({ stmt: inner, nested: true });
        continue;
      }
      if (stmt.kind === 'class') continue;
      if (stmt.kind === 'if') for (const inner of [...stmt.body, ...stmt.orelse]) pending.push({ stmt: inner, nested });
      if (stmt.kind === 'block') for (const inner of stmt.body) pending.push({ stmt: inner, nested });
      for (const top of readExpressions(stmt)) {
        const exprs = [top];
        while (exprs.length > 0) {
          const expr = exprs.pop()!;
          exprs.push(...childExprs(expr));
          if (expr.kind !== 'call') continue;
          const name = dottedName(expr.callee)?.split('.').pop();
          if (!name) continue;
          pushTo(calls, name, nested ? { call: expr, fn, nested } : { call: expr, fn });
        }
      }
    }
  };
  collect(module.topLevel, undefined);
  for (const fn of module.functions.values()) collect(fn.body, fn);
  for (const fn of module.methods) collect(fn.body, fn);
  callsByName.set(module, calls);
  return calls;
}

/** The calls of the module whose callee's name ends in `className`. */
export function callsNamed(module: ModuleInfo, className: string): readonly ConstructionSite[] {
  return callsOf(module).get(className) ?? [];
}

/** How many calls of the module end in each of these class names: what the construction sites depend on. */
export function constructionCounts(module: ModuleInfo, classNames: ReadonlySet<string>): [string, number][] {
  const counts: [string, number][] = [];
  for (const [name, sites] of callsOf(module)) if (classNames.has(name)) counts.push([name, sites.length]);
  return counts.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
