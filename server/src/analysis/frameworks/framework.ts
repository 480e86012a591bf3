// What a framework module tells the evaluator about its library, and what a called name resolves
// to. The evaluator knows no library by name: it resolves names, follows the user's own functions
// and asks the frameworks it is given (frameworks/index.ts, in order) about everything else. Every
// hook is optional; a hook answering undefined leaves the question to the next framework and then
// to the evaluator's general rules.
import type { ArgScope, CallExpr, EvalContext, TupleItem } from '../evalContext';
import type { Expr, FunctionDef, Keyword } from '../ir';
import type { ImportTarget, ModuleInfo } from '../moduleInfo';
import type { Scope } from '../scope';
import type { FunctionRef, LayerCall } from '../summaryCache';
import type { InstanceTag, Site, Value } from '../values';

export interface ClassRef {
  module: ModuleInfo;
  className: string;
}

export type Callee =
  /** A member of a library a framework module knows (`member` in that framework's own naming). */
  | { kind: 'library'; framework: Framework; member: string }
  /** `self`: the instance a method is called on (`Net(...)` runs `Net.__init__`, `self.step(x)` a method of the class). */
  | { kind: 'function'; ref: FunctionRef; self?: Value; constructs?: ClassRef }
  | { kind: 'sum' }
  /** Its result cannot hold decay terms, collection reads or optimizers (`constructs`: an instance of a class without `__init__`). */
  | { kind: 'irrelevant'; constructs?: ClassRef }
  /**
   * A function of a package the workspace does not hold (closed world: it reads none of the user's
   * collections). `ownPackage`: of a module of a workspace package that the workspace lacks.
   */
  | { kind: 'external'; name: string; ownPackage?: true }
  /** Workspace code the analysis cannot follow (a module-level object's method, an unresolved star import): anything. */
  | { kind: 'unseen'; name: string }
  | { kind: 'value' };

/** The member of the framework named `framework` a callee is, when it is one. */
export function memberOf(callee: Callee | undefined, framework: string): string | undefined {
  return callee?.kind === 'library' && callee.framework.name === framework ? callee.member : undefined;
}

/** What a framework may ask of the evaluator. */
export interface FrameworkHost {
  /** Evaluates an expression; with a context, also records the effects of the calls in it. */
  evaluate(expr: Expr, scope: Scope, context?: EvalContext): Value;
  resolveCallee(dotted: string, scope: Scope): Callee;
  /** Full dotted name through the module's imports (`tf` means TensorFlow unless bound otherwise). */
  qualify(dotted: string, module: ModuleInfo): string;
  /** The value a variable is assigned, when it has exactly one assignment. */
  onlyAssignment(name: string, scope: Scope): Expr | undefined;
  /** The `__init__` an object of a workspace class was built with. */
  constructorOf(instance: InstanceTag): FunctionRef | undefined;
  /** Calls a user function with these arguments, its effects recorded into the context. */
  instantiateCall(ref: FunctionRef, call: CallExpr, args: Value[], keywords: Map<string, Value>, scope: Scope, context?: EvalContext): Value;
  /** A layer call that a caller's `arg_scope` may still give keyword defaults. */
  addLayerCall(layer: LayerCall): void;
  moduleScope(module: ModuleInfo): Scope;
  /** The workspace module an import points to; the current summary then depends on it. */
  importedModule(target: ImportTarget, importer: ModuleInfo): ModuleInfo | undefined;
  /** Every module of this run; the current summary then depends on every module's flag definitions. */
  modulesDefiningFlags(): readonly ModuleInfo[];
  /** The current summary read the code of the module's every function and its top level. */
  dependOnModuleCode(module: ModuleInfo): void;
  /** The one workspace class that defines a method of this name (an object handed in may be of it). */
  onlyClassDefining(name: string): { module: ModuleInfo; className: string } | undefined;
}

/** A dotted name to look up in a library: as written, and qualified through the module's imports. */
export interface LibraryName {
  dotted: string;
  qualified: string;
  module: ModuleInfo;
  /** Its head is an import of the module (a local variable named `torch` is not the library). */
  imported: boolean;
  /** The module is TypeScript or JavaScript. */
  script: boolean;
}

interface CallFacts {
  host: FrameworkHost;
  call: CallExpr;
  args: Value[];
  keywords: Map<string, Value>;
  scope: Scope;
  context?: EvalContext;
  /** The call's site. */
  at: Site;
  /** Only this item of a returned tuple is wanted (`optimizer, schedule = create_optimizer(...)`). */
  element?: TupleItem;
  /** Where the effects its arguments made start in `context.effects` (the layers of `Sequential([...])`). */
  effectsFrom?: number;
}

/** A call of a member this framework resolved. */
export interface LibraryCall extends CallFacts {
  member: string;
  /** A member looked up by a name a caller gives (`getattr(torch.optim, cfg.name)`, `member` ending in `*`): that name. */
  byName?: Value;
}

/** A call of a named function outside the workspace and the frameworks' own members. */
export interface NamedCall extends CallFacts {
  dotted: string;
  qualified: string;
  /** `external`: a package the workspace lacks; `irrelevant`: a builtin or a known utility library. */
  kind: 'external' | 'irrelevant';
}

/** `receiver.method(...)` where the receiver is not an object of the user's classes the analysis could follow. */
export interface MethodCall extends CallFacts {
  method: string;
  callee: Expr & { kind: 'attr' };
  receiver: Value;
  script: boolean;
}

/**
 * How a framework trains on what a function returns: `method` names it in messages; `item`, the
 * one item of a returned tuple that is differentiated (JAX's `has_aux=True`: the first), the others
 * being only reported.
 */
export interface ReturnedLoss {
  method: string;
  item?: number;
}

export interface AttributeRead {
  host: FrameworkHost;
  expr: Expr & { kind: 'attr' };
  /** The dotted name, when the attribute is one (`tf.GraphKeys.LOSSES`, `model.losses`). */
  dotted?: string;
  /** The dotted name starts at a variable of the scope, not at an import. */
  onVariable: boolean;
  scope: Scope;
}

export interface Framework {
  readonly name: string;
  /** The member a name stands for in this library (`tf.train.AdamOptimizer` -> `train.AdamOptimizer`). */
  memberOf?(name: LibraryName): string | undefined;
  /** The value of a call of one of its members, recording the call's effects. */
  call?(call: LibraryCall): Value;
  /** A call the framework wraps around another (`optax.inject_hyperparams(optax.adamw)(...)`): the call it stands for. */
  unwrap?(call: CallExpr, scope: Scope, host: FrameworkHost): CallExpr | undefined;
  /** Seen on every call of a name, before its value is computed (a Keras model rebuilt from its config). */
  observeCall?(call: CallExpr, dotted: string, scope: Scope, context: EvalContext, host: FrameworkHost): void;
  namedCall?(call: NamedCall): Value | undefined;
  methodCall?(call: MethodCall): Value | undefined;
  attribute?(read: AttributeRead): Value | undefined;
  /**
   * An attribute the framework sets on `self` where the code assigns none (Lightning's `self.hparams`
   * after `save_hyperparameters()`): the value as if the method assigned it, read as an assignment is.
   */
  implicitAttribute?(module: ModuleInfo, className: string, attr: string): { value: Expr; method: FunctionDef } | undefined;
  /** `target = value` (or `setattr`) for an attribute (`layer.kernel_regularizer = l2(...)`). */
  attributeAssigned?(target: Expr & { kind: 'attr' }, value: () => Value, scope: Scope, context: EvalContext, host: FrameworkHost): void;
  /** A `with` item that gives keyword defaults to the library calls inside it (`slim.arg_scope(...)`). */
  argScope?(item: CallExpr, scope: Scope, host: FrameworkHost): ArgScope | undefined;
  /** A `with` item inside which no gradient is recorded (`torch.no_grad()`). */
  stopsGradients?(item: CallExpr, scope: Scope, host: FrameworkHost): boolean;
  /** Keyword defaults an enclosing `arg_scope` gives a layer call made in a callee; true when taken. */
  applyArgScope?(layer: LayerCall, inherited: readonly Keyword[], scope: Scope, context: EvalContext, host: FrameworkHost): boolean;
  /** An optimizer's params argument that holds every parameter of a module, biases and norms included (`model.parameters()`). */
  holdsAllParameters?(params: Expr, scope: Scope, host: FrameworkHost): boolean;
  /** The normalization weights of the module a call hands a helper (`ofModule`), or of the one whose `named_parameters()` it hands: when known. */
  handedNormNames?(host: FrameworkHost, given: Expr, ofModule: boolean, scope: Scope): string[] | undefined;
  /** The call computes a decay term itself (`tf.nn.l2_loss(w)`, `wd * ...`), rather than passing one on. */
  buildsDecayTerm?(callee: Callee | undefined, call: CallExpr, script: boolean): boolean;
  /**
   * A call of a class the caller hands in (`opt_cls(model.parameters(), lr=lr, weight_decay=wd)`,
   * `self.optimizer_cls(...)`) shaped like one of this framework's: the member pattern (`optim.*`)
   * whose name the caller's class gives.
   */
  handedInClass?(call: CallExpr): string | undefined;
  /** A function whose returned value the framework trains on (Lightning's `training_step`): how. */
  returnedLoss?(scope: Scope, host: FrameworkHost): ReturnedLoss | undefined;
}
