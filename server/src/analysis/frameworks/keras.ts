// Keras models and layers as objects: `model.losses` (the layers' regularization terms), `add_loss`
// and `add_weight(regularizer=...)`, `fit` and `compute_loss` (which add model.losses themselves),
// Keras 3's `stateless_call`, decoupled optimizers' exclusions, and regularizers assigned to the
// layers of a model that is already built (WD106). Keras' functions and classes themselves are
// TensorFlow members (tensorflowNames.ts).
import { assignedObject } from '../callSites';
import type { Effect } from '../effects';
import type { CallExpr, EvalContext } from '../evalContext';
import { isReceiver, isStoredArgument } from '../instantiation';
import { site } from '../evalContext';
import { dottedName, keywordIs, readExpressions, walkExpressions, walkStatements, type Expr } from '../ir';
import { methodNames, targetNames, type ModuleInfo } from '../moduleInfo';
import { objectKey, type Scope } from '../scope';
import { isScriptPath } from '../sourceLanguage';
import { EMPTY, isNone, KERAS_LOSSES, union, type Tag, type Value } from '../values';
import type { Framework, FrameworkHost, MethodCall } from './framework';
import { layerOwner, layerRegularizerAttributes, mayRebuildModel, rebuildsModel, rebuiltModelName } from './kerasModels';
import { recordRegularizers, unscaledAsDecay } from './regularizers';

const weightRegularizerKeywords = new Set(['regularizer']);

export const keras: Framework = {
  name: 'keras',
  methodCall: kerasMethod,
  attribute({ expr, dotted, onVariable, scope }) {
    // `model.losses`: the regularization terms a Keras model collected from its layers (not in TF.js: tfjs.ts).
    if (expr.attr !== 'losses' || (dotted && !onVariable) || isScriptPath(scope.module.filePath)) return undefined;
    return [{ k: 'list', key: { k: 'lit', value: KERAS_LOSSES }, site: site(scope, expr.range), owner: objectKey(expr.object, scope) }];
  },
  attributeAssigned(target, valueOf, scope, context, host) {
    if (!layerRegularizerAttributes.has(target.attr)) return;
    const value = valueOf();
    if (isNone(value)) return;
    // A model whose layers can be listed has been built, wherever it came from (an application,
    // load_model, a factory, a helper's parameter): only a Keras constructor is known to build it.
    const model = layerOwner(target.object, context.enclosing?.loops ?? [], (name) => host.onlyAssignment(name, scope));
    if (!model) return;
    const regularizer = value.find((tag) => tag.k === 'regularizer');
    context.effects.push({
      k: 'layerRegularizer',
      model,
      attribute: target.attr,
      factor: regularizer?.k === 'regularizer' ? regularizer.factor : { k: 'unknown' },
      site: site(scope, context.statement ?? target.range),
    });
  },
  observeCall(call, dotted, scope, context, host) {
    // `model_from_json(model.to_json())`, `clone_model(model)`: a model rebuilt from its config picks up regularizers set on its layers.
    if (!mayRebuildModel(dotted) || !rebuildsModel(host.qualify(dotted, scope.module))) return;
    const model = rebuiltModelName(call, (name) => host.onlyAssignment(name, scope));
    // `model = Model(base.input, head)` rebuilt in its place (`model = model_from_json(model.to_json())`)
    // holds `base`'s layers created again; a copy kept beside it (an export) rebuilds nothing that trains.
    const replaces = model !== undefined && context.assigned?.call === call && targetNames(context.assigned.targets).includes(model);
    for (const rebuilt of model ? [model, ...(replaces ? modelsBuiltInto(model, scope) : [])] : []) context.effects.push({ k: 'modelRebuild', model: rebuilt, site: site(scope, call.range) });
  },
};

/** `base` in `model = Model(base.input, outputs)`: the models whose inputs or outputs another is built from. */
function modelsBuiltInto(model: string, scope: Scope): string[] {
  const parts = new Set<string>();
  for (const value of scope.assignmentsOf(model) ?? []) {
    if (value.kind !== 'call' || !/(?:^|\.)Model$/.test(dottedName(value.callee) ?? '')) continue;
    for (const expr of walkExpressions([...value.args, ...value.keywords.map((keyword) => keyword.value)])) {
      if (expr.kind === 'attr' && MODEL_ENDS.has(expr.attr) && expr.object.kind === 'name' && expr.object.id !== model) parts.add(expr.object.id);
    }
  }
  return [...parts];
}

const MODEL_ENDS = new Set(['input', 'inputs', 'output', 'outputs']);

/** The module imports Keras or reads a `.keras` attribute (`tf.keras.Model`) anywhere. */
function usesKeras(host: FrameworkHost, module: ModuleInfo): boolean {
  host.dependOnModuleCode(module);
  let uses = kerasModules.get(module);
  if (uses === undefined) {
    const imported = [...module.imports.values()].some((target) => /(?:^|\.)keras(?:\.|$)/.test(target.dotted));
    uses = imported || [...walkExpressions([...walkStatements(module.ir.body)].flatMap(readExpressions))].some((expr) => expr.kind === 'attr' && expr.attr === 'keras');
    kerasModules.set(module, uses);
  }
  return uses;
}

const kerasModules = new WeakMap<ModuleInfo, boolean>();

/** A Keras model class: `keras.Model`, `tf.keras.models.Model`, or a class of the module deriving from one. */
function derivesFromKerasModel(host: FrameworkHost, module: ModuleInfo, className: string, depth = 0): boolean {
  return (module.classBases.get(className) ?? []).some(
    (base) => /(?:^|\.)keras\.(?:models\.)?(?:Model|Sequential)$/.test(host.qualify(base, module)) || (depth < 3 && module.classes.has(base) && derivesFromKerasModel(host, module, base, depth + 1)),
  );
}

function kerasMethod({ host, method, call, callee, receiver, args, keywords, scope, context, at, element, script, effectsFrom }: MethodCall): Value | undefined {
  // `model.add(Dense(64, kernel_regularizer=...))`: a layer of that Sequential model.
  const added = method === 'add' && call.args.length === 1 && call.keywords.length === 0 ? objectKey(callee.object, scope) : undefined;
  if (added && context) context.effects.push(sequentialModel(added, call.args, scope, context, effectsFrom));
  if ((method === 'add_weight' || method === 'add_variable') && !script) {
    // `self.add_weight(shape, regularizer=l2(wd))` in a Keras layer: the term joins model.losses.
    recordRegularizers(host, call, true, keywords, scope, context, weightRegularizerKeywords);
    return undefined;
  }
  if (method === 'add_loss' && !script) {
    // `self.add_loss(wd * tf.reduce_sum(tf.square(self.kernel)))` in a Keras layer or model: the
    // term joins model.losses, like a layer regularizer's (an unscaled l2 term has factor 1).
    // A factor read from the layer itself (`self.wd`) is its configuration: on, by an unknown amount.
    const terms = (args[0] ?? keywords.get('losses') ?? EMPTY).flatMap((written): Tag[] => {
      const tag = unscaledAsDecay(written, at);
      if (tag.k !== 'decay') return [];
      const fromSelf = tag.term.factor.k === 'param' && (tag.term.factor.name === 'self' || isStoredArgument(tag.term.factor.name));
      return [fromSelf ? { k: 'decay', term: { ...tag.term, factor: { k: 'unknown' } } } : tag];
    });
    if (terms.length > 0) context?.effects.push({ k: 'write', key: { k: 'lit', value: KERAS_LOSSES }, value: terms, site: at, origin: 'keras' });
    return EMPTY;
  }
  // TensorFlow Addons: `apply_gradients(..., decay_var_list=kernels)` names what decays.
  // Keras: each exclude_from_weight_decay call replaces the names and variables the previous one excluded.
  const excludes = method === 'exclude_from_weight_decay' || ((method === 'apply_gradients' || method === 'minimize') && keywords.has('decay_var_list'));
  // On an optimizer a helper is given, the caller's: substituted when the helper is instantiated.
  const optimizers = receiver.filter((tag) => (tag.k === 'optimizer' && tag.weightDecay?.keras) || (tag.k === 'param' && !tag.derived));
  const onSelfIn = callee.object.kind === 'name' && isReceiver(callee.object.id) && scope.fn ? { onSelfIn: site(scope, scope.fn.range) } : {};
  if (excludes && optimizers.length > 0) context?.effects.push({ k: 'decayExclusion', optimizer: optimizers, site: at, calledOn: `${scope.key}|${dottedName(callee.object) ?? ''}`, ...onSelfIn });
  if (method === 'exclude_from_weight_decay') return EMPTY;
  if (method === 'stateless_call' && keywordIs(call, 'return_losses', 'True')) {
    // Keras 3: `y, non_trainable, losses = model.stateless_call(..., return_losses=True)`: the third is model.losses.
    const losses: Value = [{ k: 'list', key: { k: 'lit', value: KERAS_LOSSES }, site: at }];
    return element ? (element.index === 2 ? losses : EMPTY) : losses;
  }
  if (layerRegularizerAttributes.has(method) && call.args.length === 1 && !script) {
    // `layer.kernel_regularizer(layer.kernel)` over `model.layers`: the layers' terms computed again, as model.losses holds them.
    return [{ k: 'sum', key: { k: 'lit', value: KERAS_LOSSES }, site: at }];
  }
  // (Not on an object handed in when the one workspace class defining `compute_loss` is a Keras model
  // (its override runs) or, in code that does not use Keras, any class (a TF1 model object's). On
  // `self`, the class's own methods were looked up first: what is left is Keras's.)
  const handedInObject = receiver.some((tag) => tag.k === 'param' && !tag.derived && !isReceiver(tag.name));
  const definer = method === 'compute_loss' && handedInObject ? host.onlyClassDefining(method) : undefined;
  const overridden = definer && (derivesFromKerasModel(host, definer.module, definer.className) || !usesKeras(host, scope.module));
  if (method === 'compute_loss' && !overridden) {
    // Keras' Model.compute_loss adds the model's regularization losses itself.
    return union([{ k: 'sum', key: { k: 'lit', value: KERAS_LOSSES }, site: at }], receiver, ...args, ...keywords.values());
  }
  // `critic.model.predict_on_batch(states)`: the model's outputs, data (no regularization term rides on them).
  // (Not on an object handed in, which may be of a workspace class with a method of that name.)
  if (PREDICT_METHODS.has(method) && !receiver.some((tag) => tag.k === 'param' && !tag.derived)) return EMPTY;
  if (FIT_METHODS.has(method) && !overridesTrainStep(host, scope.module) && !fitsNoModel(host, callee.object, scope)) {
    // `model.fit(...)`: Keras adds model.losses to the compiled loss itself (not when a model class
    // of this code overrides `train_step`: fit runs that, whose own gradient call is the sink).
    // Of the model fit is called on: the terms of another model trained elsewhere are not among them.
    const owner = objectKey(callee.object, scope);
    context?.effects.push({ k: 'sink', loss: [{ k: 'sum', key: { k: 'lit', value: KERAS_LOSSES }, site: at, ...(owner ? { owner } : {}) }], optimizer: EMPTY, site: at, method: 'fit' });
    return EMPTY;
  }
  return undefined;
}

/** The Model methods that return predictions or metrics. */
const PREDICT_METHODS = new Set(['predict', 'predict_on_batch', 'evaluate', 'test_on_batch']);

/** The Model methods that train on the compiled loss (model.losses included), as `fit` does. */
const FIT_METHODS = new Set(['fit', 'fit_generator', 'train_on_batch']);

/** `datagen.fit(x_train)` (an ImageDataGenerator's statistics), `scaler.fit(X)` (scikit-learn): no model trains there. */
function fitsNoModel(host: FrameworkHost, receiver: Expr, scope: Scope): boolean {
  const built = receiver.kind === 'name' ? scope.assignmentsOf(receiver.id) : undefined;
  return (
    built !== undefined &&
    built.length > 0 &&
    built.every((expr) => {
      const dotted = expr.kind === 'call' ? dottedName(expr.callee) : undefined;
      const qualified = dotted ? host.qualify(dotted, scope.module) : '';
      return qualified.endsWith('ImageDataGenerator') || qualified.startsWith('sklearn.');
    })
  );
}

/** A class of this module or of a workspace module it imports defines `train_step` (a Keras override). */
function overridesTrainStep(host: FrameworkHost, module: ModuleInfo): boolean {
  const definesIt = (candidate: ModuleInfo) => methodNames(candidate).has('train_step');
  if (definesIt(module)) return true;
  for (const target of [...module.imports.values(), ...module.starImports]) {
    const imported = host.importedModule(target, module);
    if (imported && definesIt(imported)) return true;
  }
  return false;
}

/** Keras' own model constructors (tensorflowNames.ts spelling). */
const kerasComposites = new Set(['keras.Sequential', 'keras.models.Sequential', 'keras.Model', 'keras.models.Model']);

/**
 * `model = tf.keras.Sequential([backbone, head])`, `model = tf.keras.Model(inputs, outputs)`: a
 * model Keras puts together, whose `losses` hold every term of what it is made of (the named
 * models it lists, when it lists them).
 */
export function kerasComposite(member: string, call: CallExpr, scope: Scope, context: EvalContext | undefined, effectsFrom: number | undefined): (Effect & { k: 'modelParts' }) | undefined {
  if (!kerasComposites.has(member)) return undefined;
  const model = assignedObject(call, scope, context);
  if (!model) return undefined;
  // `Sequential()` lists nothing, `Sequential([...])` its layers; a functional `Model(...)` or a list given by name: not listed.
  const list = call.args[0];
  const listed = !member.endsWith('Sequential') ? undefined : !list ? [] : list.kind === 'group' && !list.keys ? list.items : undefined;
  return sequentialModel(model, listed, scope, context, effectsFrom);
}

/**
 * A Sequential model of the layers listed (undefined: a model put together otherwise). Made right
 * there (calls), they are all it holds: their terms are its own. Anything else listed (a layer or
 * model made before) may hold terms the code does not tie to it: its losses hold every term.
 */
export function sequentialModel(model: string, listed: readonly Expr[] | undefined, scope: Scope, context: EvalContext | undefined, effectsFrom: number | undefined): Effect & { k: 'modelParts' } {
  const closed = listed !== undefined && effectsFrom !== undefined && listed.every((item) => item.kind === 'call');
  if (closed && context) ownTermsMadeSince(context, effectsFrom, model);
  return { k: 'modelParts', model, parts: (listed ?? []).flatMap((item) => objectKey(item, scope) ?? []), ...(closed ? { closed: true as const } : { library: true as const }) };
}

/** The Keras terms made since `from` (by the layers a call's arguments made) belong to the model. */
function ownTermsMadeSince(context: EvalContext, from: number, model: string): void {
  for (let index = from; index < context.effects.length; index++) {
    const effect = context.effects[index];
    if (effect.k === 'write' && effect.origin === 'keras') context.effects[index] = { ...effect, owners: [...(effect.owners ?? []), model] };
  }
}
