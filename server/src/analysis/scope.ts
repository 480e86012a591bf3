// Scopes of the evaluation: a function's parameters, local assignments and nested functions,
// chained to the enclosing function and finally the module.
import { appendAll, childExprs, readExpressions, walkExpressions, walkStatements, type Expr, type FunctionDef, type Stmt } from './ir';
import { addAppendedItems, addAssignTargets, addFieldAssignTargets, bindLoopTarget, type ModuleInfo } from './moduleInfo';
import type { Value } from './values';

/** Methods of a dict that change it in place, read where it is splatted or used (Scope.mappingCalls). */
const MAPPING_METHODS = new Set(['pop', 'update']);

export class Scope {
  readonly params: Set<string>;
  readonly assigns: Map<string, Expr[]>;
  /** Fields set on names of this scope (`cfg.wd = v`): see addFieldAssignTargets. */
  readonly fieldAssigns: Map<string, Expr[]>;
  /** Items added to lists of this scope (`costs.append(c)`): see addAppendedItems. */
  readonly appends: Map<string, Expr[]>;
  readonly functions: Map<string, FunctionDef>;
  readonly memo = new Map<string, Value>();
  readonly pending = new Set<string>();

  constructor(
    readonly module: ModuleInfo,
    readonly fn: FunctionDef | undefined,
    readonly parent: Scope | undefined,
    readonly key: string,
  ) {
    this.params = new Set(fn?.params.map((param) => param.name));
    if (fn) {
      this.assigns = new Map();
      this.fieldAssigns = new Map();
      this.appends = new Map();
      this.functions = new Map();
      collectLocals(fn.body, this);
    } else {
      this.assigns = module.assigns;
      this.fieldAssigns = module.fieldAssigns;
      this.appends = module.appends;
      this.functions = module.functions;
    }
  }

  private namesReadCache: Set<string> | undefined;
  private readonly namesReadBeyondCache = new Map<(call: Expr & { kind: 'call' }) => boolean, Set<string>>();

  /** Names read anywhere in this scope's code (a module's includes its functions'). */
  namesRead(): Set<string> {
    this.namesReadCache ??= collectNamesRead(this.fn ? this.fn.body : this.module.ir.body);
    return this.namesReadCache;
  }

  /** Names read anywhere in this scope's code but inside the calls `ignored` picks (`print(reg)`). */
  namesReadBeyond(ignored: (call: Expr & { kind: 'call' }) => boolean): Set<string> {
    let names = this.namesReadBeyondCache.get(ignored);
    if (!names) this.namesReadBeyondCache.set(ignored, (names = collectNamesRead(this.fn ? this.fn.body : this.module.ir.body, ignored)));
    return names;
  }

  private mappingCallsCache: Map<string, (Expr & { kind: 'call' })[]> | undefined;

  /** `cfg.pop('type')`, `cfg.update(overrides)` in this scope's own code (not its nested functions), by the name called on. */
  private mappingCalls(name: string): readonly (Expr & { kind: 'call' })[] {
    if (!this.mappingCallsCache) {
      this.mappingCallsCache = new Map();
      const roots = [...walkStatements(this.fn ? this.fn.body : this.module.ir.body, false)].flatMap(readExpressions);
      for (const expr of walkExpressions(roots)) {
        if (expr.kind !== 'call' || expr.callee.kind !== 'attr' || !MAPPING_METHODS.has(expr.callee.attr) || expr.callee.object.kind !== 'name') continue;
        const calls = this.mappingCallsCache.get(expr.callee.object.id) ?? [];
        this.mappingCallsCache.set(expr.callee.object.id, [...calls, expr]);
      }
    }
    return this.mappingCallsCache.get(name) ?? [];
  }

  /** The keys this scope's code pops from a mapping variable (`opt_type = cfg.pop('type')`): gone from it when it is splatted later. */
  poppedKeys(name: string): Set<string> {
    return new Set(this.mappingCalls(name).flatMap((call) => (call.callee.kind === 'attr' && call.callee.attr === 'pop' && call.args[0]?.kind === 'str' ? [call.args[0].value] : [])));
  }

  /** `cfg.update(overrides)`, `cfg.update(lr=0.1)` on a mapping variable in this scope's own code. */
  updatesOf(name: string): (Expr & { kind: 'call' })[] {
    return this.mappingCalls(name).filter((call) => call.callee.kind === 'attr' && call.callee.attr === 'update');
  }

  /** The values a variable is assigned in the nearest scope that assigns it; undefined for a parameter or an unassigned name. */
  assignmentsOf(name: string): readonly Expr[] | undefined {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      if (scope.params.has(name)) return undefined;
      const assigned = scope.assigns.get(name);
      if (assigned) return assigned;
    }
    return undefined;
  }

  /** The items added to a list variable (`groups.append(dict(...))`) in the nearest scope that assigns it. */
  appendedTo(name: string): readonly Expr[] {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      if (scope.params.has(name)) return [];
      if (scope.assigns.has(name)) return scope.appends.get(name) ?? [];
    }
    return [];
  }

  /** The function of that name this scope or an enclosing one defines, with the scope that defines it. */
  functionNamed(name: string): { fn: FunctionDef; scope: Scope } | undefined {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      const fn = scope.functions.get(name);
      if (fn) return { fn, scope };
    }
    return undefined;
  }

  isVariable(name: string): boolean {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      if (scope.params.has(name) || scope.assigns.has(name)) return true;
    }
    return false;
  }
}

function collectLocals(body: Stmt[], locals: Pick<Scope, 'assigns' | 'fieldAssigns' | 'appends' | 'functions'>): void {
  for (const stmt of body) {
    if (stmt.kind === 'assign') {
      addAssignTargets(locals.assigns, stmt.targets, stmt.value);
      addFieldAssignTargets(locals.fieldAssigns, stmt.targets, stmt.value);
    } else if (stmt.kind === 'expr') addAppendedItems(locals.appends, stmt.value);
    else if (stmt.kind === 'def') locals.functions.set(stmt.fn.name, stmt.fn);
    else if (stmt.kind === 'if') {
      collectLocals(stmt.body, locals);
      collectLocals(stmt.orelse, locals);
    } else if (stmt.kind === 'block') {
      bindLoopTarget(locals.assigns, stmt);
      collectLocals(stmt.body, locals);
    }
  }
}

/** Every name an expression in these statements reads (assignment targets excluded). */
export function collectNamesRead(body: readonly Stmt[], ignored?: (call: Expr & { kind: 'call' }) => boolean): Set<string> {
  const names = new Set<string>();
  const stack = [...walkStatements(body)].flatMap(readExpressions);
  while (stack.length > 0) {
    const expr = stack.pop()!;
    if (expr.kind === 'name') names.add(expr.id);
    else if (!(expr.kind === 'call' && ignored?.(expr))) appendAll(stack, childExprs(expr));
  }
  return names;
}

/**
 * A name for the object an expression names, the same wherever the code reads it: a variable by the
 * scope that assigns it (`head` at module level), `self.generator` by its class; a parameter's
 * (parameterObject) is the caller's argument's, given when the function is instantiated.
 */
export function objectKey(expr: Expr, scope: Scope): string | undefined {
  if (expr.kind === 'name') {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      if (s.params.has(expr.id)) return expr.id === 'self' || expr.id === 'this' ? undefined : parameterObject(expr.id);
      if (s.assigns.has(expr.id)) return `${s.key}|${expr.id}`;
    }
    return undefined;
  }
  if (expr.kind !== 'attr' || expr.object.kind !== 'name' || (expr.object.id !== 'self' && expr.object.id !== 'this')) return undefined;
  // Methods are named `Class.method`; a function nested in one is in its class too.
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const dot = s.fn?.name.indexOf('.') ?? -1;
    if (s.fn && dot > 0) return `${s.module.uri}#${s.fn.name.slice(0, dot)}|${expr.object.id}.${expr.attr}`;
  }
  return undefined;
}

/** An object as the code names it (`head`, `self.generator`). */
export function objectName(key: string): string {
  return key.slice(key.lastIndexOf('|') + 1);
}

/** The object a parameter holds, as an objectKey that instantiation replaces with the argument's. */
function parameterObject(name: string): string {
  return `?${name}`;
}

/** The parameter whose argument an objectKey stands for, if it is a parameterObject. */
export function objectParameter(key: string): string | undefined {
  return key.startsWith('?') ? key.slice(1) : undefined;
}
