// What a name holds: a local or module-level variable (all its assignments, flow-insensitively),
// a parameter, a function used as a value, an imported name, an instance attribute (`self.loss`),
// a config class or dataclass as the record of its attributes.
import type { CalleeResolution } from './calleeResolution';
import { classOfReceiver } from './calleeResolution';
import type { Expr } from './ir';
import { storedArgument, substitute } from './instantiation';
import type { ModuleInfo } from './moduleInfo';
import { Scope } from './scope';
import type { FunctionRef, Summary, SummaryCache } from './summaryCache';
import { EMPTY, union, unionOf, type Tag, type Value } from './values';

/** The evaluation a name's value is computed with. */
interface Evaluation {
  evaluate(expr: Expr, scope: Scope): Value;
  summarize(ref: FunctionRef): Summary;
}

export class NameValues {
  private readonly classRecordsPending = new Set<string>();
  private instanceAttributesPending = new Set<string>();

  constructor(
    private readonly evaluator: Evaluation,
    private readonly names: CalleeResolution,
    private readonly cache: SummaryCache,
  ) {}

  beginRun(): void {
    this.instanceAttributesPending = new Set();
  }

  evaluateName(id: string, scope: Scope): Value {
    const memo = scope.memo.get(id);
    if (memo) {
      if (!scope.fn) this.cache.replayDependencies(`${scope.key}\n${id}`);
      return memo;
    }
    if (scope.pending.has(id)) return EMPTY;
    if (scope.fn) return this.computeName(id, scope);
    return this.cache.sharedThisRun(`${scope.key}\n${id}`, () => this.computeName(id, scope));
  }

  private computeName(id: string, scope: Scope): Value {
    scope.pending.add(id);
    let value: Value = EMPTY;
    const assigned = scope.assigns.get(id);
    if (scope.params.has(id)) value = [{ k: 'param', name: id }];
    if (assigned) value = union(value, ...assigned.map((expr) => this.evaluator.evaluate(expr, scope)));
    // Fields set on it later (`cfg.weight_decay = 1e-4`, `losses['reg'] = reg`) join its record.
    const fieldsSet = assigned || scope.params.has(id) ? scope.fieldAssigns.get(id) : undefined;
    // A field set to something unknown (`float(sys.argv[1])`) may be anything: not the class default.
    const setTo = (expr: Expr): Value => this.evaluator.evaluate(expr, scope).map((tag) => (tag.k === 'fields' ? { k: 'fields', fields: new Map([...tag.fields].map(([name, field]) => [name, field.length > 0 ? field : [{ k: 'configurable' }]])) } : tag));
    if (fieldsSet) value = union(value, ...fieldsSet.map(setTo));
    const nested = scope.fn && !assigned && !scope.params.has(id) ? scope.functions.get(id) : undefined;
    if (nested) {
      // A nested function used as a value (`optimizer.minimize(lossFn)`): what a call of it returns.
      value = substitute(this.evaluator.summarize(this.names.functionRef(scope, nested)).returns, { bindings: new Map(), root: false });
    } else if (!assigned && !scope.params.has(id)) {
      if (scope.parent) value = this.evaluateName(id, scope.parent);
      else value = this.evaluateGlobal(id, scope);
    }
    scope.pending.delete(id);
    scope.memo.set(id, value);
    return value;
  }

  /** A module-level name that is not assigned: a function, an imported constant, or anything else. */
  private evaluateGlobal(id: string, scope: Scope): Value {
    const fn = scope.functions.get(id);
    // A function used as a value (`opt.minimize(loss_fn)`): what it returns, its parameters unknown.
    if (fn) return substitute(this.evaluator.summarize(this.names.functionRef(scope, fn)).returns, { bindings: new Map(), root: true });
    if (scope.module.classes.has(id)) return this.classRecord(scope.module, id, new Map());
    const imported = this.names.importedMember(scope.module, id);
    if (imported) return this.evaluateName(imported.name, this.names.moduleScope(imported.module));
    // Imports, builtins, and names bound where the IR keeps no assignment (`with ... as`,
    // loop and comprehension variables): values, not computations we failed to follow. Calls of
    // unknown functions are what make a value opaque (resolveCallee).
    return EMPTY;
  }

  /**
   * `self.loss` in a method: what the class's methods assign to it (`self.loss = ...` in `build`),
   * flow-insensitively. A method's own parameter stored as it is (`self.loss = loss`) may be
   * anything a caller passes; what is computed from one, or read from it (`opt.lr`), is data.
   */
  instanceAttribute(expr: Expr & { kind: 'attr' }, scope: Scope): Value | undefined {
    const className = classOfReceiver(expr.object, scope);
    const assigned = className ? scope.module.instanceAttributes.get(className)?.get(expr.attr) : undefined;
    if (!className || !assigned) return undefined;
    const key = `${scope.module.uri}#${className}.${expr.attr}`;
    // `self.loss = self.loss + reg`: the attribute inside its own value adds nothing more.
    if (this.instanceAttributesPending.has(key)) return EMPTY;
    this.instanceAttributesPending.add(key);
    try {
      return this.cache.sharedThisRun(key, () => {
        const moduleScope = this.names.moduleScope(scope.module);
        const values = assigned.map(({ value, method }) => {
          const own = new Scope(scope.module, method, moduleScope, `${scope.module.uri}#${method.name}`);
          return this.evaluator.evaluate(value, own).flatMap((tag): Tag[] => (tag.k !== 'param' ? [tag] : tag.derived ? [] : [{ ...tag, name: storedArgument(tag.name) }]));
        });
        return unionOf(values);
      });
    } finally {
      this.instanceAttributesPending.delete(key);
    }
  }

  /** A config class (`class Config: weight_decay = 5e-4`, a dataclass) or its instance: its attributes, as constructed. */
  classRecord(module: ModuleInfo, className: string, keywords: ReadonlyMap<string, Value>): Value {
    const attributes = module.classAttributes.get(className);
    const key = `${module.uri}#${className}`;
    // `class A: b = B()` with `class B: a = A()`: a class inside its own record is no record.
    if (!attributes || this.classRecordsPending.has(key)) return EMPTY;
    this.classRecordsPending.add(key);
    try {
      this.cache.dependOn(module.uri);
      const scope = this.names.moduleScope(module);
      const fields = new Map<string, Value>();
      for (const [name, values] of attributes) fields.set(name, keywords.get(name) ?? unionOf(values.map((value) => this.evaluator.evaluate(value, scope))));
      return [{ k: 'fields', fields }];
    } finally {
      this.classRecordsPending.delete(key);
    }
  }
}
