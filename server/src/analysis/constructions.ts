// Where the workspace constructs its classes: `Solver(net, cfg)`, `Runtime(model, config["exp"])`.
// An argument a constructor stores on the instance (`self.params = params`) is what those calls
// pass; these tables find the calls, once per module version.
import { appendAll, childExprs, dottedName, readExpressions, walkStatements, type Expr, type FunctionDef, type Stmt } from './ir';
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
          appendAll(exprs, childExprs(expr));
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

/** The module's statements: its top level and the body of each of its functions and methods. */
function bodiesOf(module: ModuleInfo): (readonly Stmt[])[] {
  return [module.topLevel, ...[...module.functions.values(), ...module.methods].map((fn) => fn.body)];
}

/** Per module version: the names it uses other than by calling them, and the methods it calls by name. */
const nameUsesByModule = new WeakMap<ModuleInfo, NameUses>();

interface NameUses {
  values: Set<string>;
  /** `x.step(...)`, `f().step(...)`: `step`; and `__call__` and `forward` for any call. */
  calledMethods: Set<string>;
}

/**
 * A name the module uses other than by calling it (`MODELS = {'gcn': GCN}`, `partial(DenseBlock,
 * growth=12)`, `models.GCN` as an argument): a class so used may be constructed where no call names it.
 */
export function usedAsValue(modules: Iterable<ModuleInfo>, className: string): boolean {
  for (const module of modules) if (nameUsesOf(module).values.has(className)) return true;
  return false;
}

/** The workspace classes among the names the module uses as values, sorted: what construction sites depend on. */
export function classesUsedAsValues(module: ModuleInfo, classNames: ReadonlySet<string>): string[] {
  return [...nameUsesOf(module).values].filter((name) => classNames.has(name)).sort();
}

/** The names the module uses as values (`FLAGS`, a class handed over). */
export function namesUsedAsValues(module: ModuleInfo): ReadonlySet<string> {
  return nameUsesOf(module).values;
}

/** The method names the module calls on any object. */
export function methodsCalled(module: ModuleInfo): ReadonlySet<string> {
  return nameUsesOf(module).calledMethods;
}

function nameUsesOf(module: ModuleInfo): NameUses {
  const known = nameUsesByModule.get(module);
  if (known) return known;
  const uses: NameUses = { values: new Set(), calledMethods: new Set() };
  for (const body of bodiesOf(module)) {
    const exprs = [...walkStatements(body)].flatMap(readExpressions);
    while (exprs.length > 0) {
      const expr = exprs.pop()!;
      if (expr.kind === 'call') {
        // Any call may run an object's `__call__` or `forward` (`model(x, y)` on a model handed in).
        uses.calledMethods.add('__call__').add('forward');
        // `super(Net, self)` and `isinstance(x, Net)` name the class without building one elsewhere.
        if (expr.callee.kind === 'name' && (expr.callee.id === 'super' || expr.callee.id === 'isinstance' || expr.callee.id === 'issubclass')) continue;
        // The callee itself is a call of the name, not a use as a value; what it is read from is.
        if (expr.callee.kind === 'attr') {
          uses.calledMethods.add(expr.callee.attr);
          exprs.push(expr.callee.object);
        } else if (expr.callee.kind !== 'name') exprs.push(expr.callee);
        appendAll(exprs, expr.args);
        appendAll(exprs, expr.keywords.map((keyword) => keyword.value));
        continue;
      }
      if (expr.kind === 'name') uses.values.add(expr.id);
      else if (expr.kind === 'attr') uses.values.add(expr.attr);
      appendAll(exprs, childExprs(expr));
    }
  }
  nameUsesByModule.set(module, uses);
  return uses;
}

/** Per module version: the attributes it sets on objects other than `self`. */
const attributesSetByModule = new WeakMap<ModuleInfo, Set<string>>();

/**
 * `model.weight_decay = 5e-4` after the construction: an attribute some module sets on an object
 * from outside its class, which the constructions do not decide.
 */
export function setFromOutside(modules: Iterable<ModuleInfo>, attr: string): boolean {
  for (const module of modules) if (attributesSetOf(module).has(attr)) return true;
  return false;
}

/** The attributes the module sets from outside objects, sorted: what constructor arguments read from `self` depend on. */
export function attributesSetFromOutside(module: ModuleInfo): string[] {
  return [...attributesSetOf(module)].sort();
}

/** The attributes the module sets on objects other than `self` (`model.weight_decay = 5e-4`). */
export function attributesSetOf(module: ModuleInfo): ReadonlySet<string> {
  const known = attributesSetByModule.get(module);
  if (known) return known;
  const attributes = new Set<string>();
  for (const body of bodiesOf(module)) {
    for (const stmt of walkStatements(body)) {
      if (stmt.kind !== 'assign') continue;
      for (const target of stmt.targets) if (target.kind === 'attr' && !(target.object.kind === 'name' && (target.object.id === 'self' || target.object.id === 'this'))) attributes.add(target.attr);
    }
  }
  attributesSetByModule.set(module, attributes);
  return attributes;
}

