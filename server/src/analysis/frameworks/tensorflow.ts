// TensorFlow as the evaluator sees it: graph collections and their sums, variables and layers taking
// regularizers, optimizers (tf.train, tf.keras, Addons, contrib), and the calls that train
// (`minimize`, `compute_gradients`, `tape.gradient`, `tf.gradients`, `optimize_loss`). Its names,
// `tf.keras` and slim included, are those of tensorflowNames.ts.
import { keywordGiving, momentumVariant, site, statementSite, toSum, type EvalContext } from '../evalContext';
import { dottedName, isConstant, keywordIs, readExpressions, walkExpressions, walkStatements, type Expr } from '../ir';
import { objectKey, type Scope } from '../scope';
import { multiply, negatedTerms, perRow, squareOf, sumOf } from '../valueArithmetic';
import { applyRegularizer, asData, EMPTY, factorOf, REGULARIZATION_LOSSES, isDisabled, isNone, keyOf, knownObjects, knownValue, unionOf, type InstanceTag, type OptimizerDecay, type OptimizerTag, type Site, type Tag, type Value } from '../values';
import { memberOf, type Framework, type FrameworkHost, type LibraryCall, type MethodCall } from './framework';
import { parametersOwner } from '../parameterGroups';
import { classOfReceiver } from '../calleeResolution';
import { targetNames, type ModuleInfo } from '../moduleInfo';
import { kerasComposite } from './keras';
import { proxyLayerOf, tensorflowLayers } from './proxyLayers';
import { recordRegularizers, unscaledAsDecay } from './regularizers';
import { recordLayerCall, scopedKeywords } from './slim';
import { decaysUnscaled, graphKeys, KERAS_ADAMW_DEFAULT_DECAY, optimizerKind, optimizerNames, passesThrough, regularizerKeywords, tensorflowMember, tfRole } from './tensorflowNames';

/** The graph's own collection methods (`tf.get_default_graph().add_to_collection(...)`). */
const graphCollectionMethods = new Set(['add_to_collection', 'add_to_collections', 'get_collection', 'get_collection_ref']);
const trainableAttributes = new Set(['trainable_variables', 'trainable_weights', 'variables', 'weights']);

/** A collection read limited to a scope: a `scope=` argument given, and not `None` (every scope). */
function scopeGiven(scope: Value): true | undefined {
  return scope.length > 0 && !isNone(scope) ? true : undefined;
}

export const tensorflow: Framework = {
  name: 'tensorflow',
  memberOf: ({ qualified }) => tensorflowMember(qualified),
  call: callTensorflow,
  methodCall: tensorflowMethod,
  attribute({ host, dotted, onVariable, scope }) {
    if (!dotted || onVariable) return undefined;
    const member = memberOf(host.resolveCallee(dotted, scope), 'tensorflow');
    return member !== undefined && member in graphKeys ? [{ k: 'str', value: graphKeys[member] }] : undefined;
  },
  buildsDecayTerm(callee) {
    const member = memberOf(callee, 'tensorflow');
    const role = member === undefined ? undefined : tfRole(member);
    return role === 'multiply' || role === 'l2Loss' || role === 'reduceSum';
  },
};

function callTensorflow({ host, member, call, args, keywords, scope, context, at, effectsFrom }: LibraryCall): Value {
  // Inside `with slim.arg_scope([slim.conv2d], weights_regularizer=R):` the listed layers get R too.
  const scoped = scopedKeywords(member, context);
  recordRegularizers(host, call, member.startsWith('keras.'), keywords, scope, context, regularizerKeywords, scoped);
  recordLayerCall(host, member, call, scoped, scope, context);
  // `tf.keras.layers.Conv2D(32, 3)`, `tf.nn.max_pool(...)`: a layer of the model, for sweep proxies.
  const layer = proxyLayerOf(tensorflowLayers, member, call, args, keywords, at);
  if (layer) context?.effects.push(layer);
  const composite = kerasComposite(member, call, scope, context, effectsFrom);
  if (composite) context?.effects.push(composite);
  const decayAt = keywordGiving('weight_decay', call, keywords)?.range ?? (decaysUnscaled(member) ? call.args[0]?.range : undefined);
  // `get_total_loss(add_regularization_losses=False)`: the losses collection alone.
  const leavesOutRegularization = keywordIs(call, 'add_regularization_losses', 'False') || isConstant(call.args[0], 'False');
  const momentum = momentumVariant(call, keywords, member.startsWith('keras.') ? 'nesterov' : 'use_nesterov');
  const role = tfRole(member);
  if (role === 'gradients') {
    // `grads = tf.gradients(loss, params)` later given to `opt.apply_gradients(...)` (through clipping
    // and zipping): the optimizer trains on that loss, as after `compute_gradients`.
    const applying = context?.assigned?.call === call ? optimizersApplying(host, context.assigned.targets, scope, true) : EMPTY;
    context?.effects.push({ k: 'sink', loss: args[0] ?? keywords.get('ys') ?? EMPTY, optimizer: applying, site: at, method: 'tf.gradients' });
    return EMPTY;
  }
  const value = tensorflowCallValue(member, args, keywords, at, context, decayAt && site(scope, decayAt), leavesOutRegularization, momentum);
  const variables = role === 'l2Loss' || role === 'sumList' || role === 'square' || role === 'reduceSum' ? variablesPenalized(call.args[0], scope, host) : undefined;
  if (!variables) return value;
  // `tf.add_n([tf.nn.l2_loss(v) * wd for v in model.trainable_variables])`: the terms scaled inside the list are on those variables too.
  return value.map((tag) => (tag.k === 'l2' || tag.k === 'square' ? { ...tag, parametersOf: variables } : tag.k === 'decay' && tag.term.parametersOf === undefined ? { ...tag, term: { ...tag.term, parametersOf: variables } } : tag));
}

/** TensorFlow's calls that create a variable (a model's weight). */
const variableConstructors = new Set(['Variable', 'get_variable', 'contrib.framework.variable', 'contrib.framework.model_variable', 'contrib.slim.variable', 'contrib.slim.model_variable']);

/**
 * `tf.nn.l2_loss(w)` with `w = tf.Variable(...)` or `tf.get_variable(...)`, a sum over
 * `tf.trainable_variables()`: a penalty on the model's weights (not on activations), named so.
 */
function variablesPenalized(expr: Expr | undefined, scope: Scope, host: FrameworkHost): string | undefined {
  if (!expr) return undefined;
  const listed = parametersOwner(expr, scope);
  if (listed) return listed;
  const creates = (value: Expr, at: Scope = scope, depth = 0): boolean => {
    const callee = value.kind === 'call' ? dottedName(value.callee) : undefined;
    const resolved = callee ? host.resolveCallee(callee, at) : undefined;
    const member = resolved ? memberOf(resolved, 'tensorflow') : undefined;
    if (member !== undefined) return variableConstructors.has(member);
    // `theta1 = weight_variable([784, 10])` with `return tf.Variable(initial)` in the helper (the TF tutorials').
    if (resolved?.kind !== 'function' || depth >= 2) return false;
    const helper = host.moduleScope(resolved.ref.module);
    return [...walkStatements(resolved.ref.fn.body)].some((stmt) => stmt.kind === 'return' && stmt.value !== undefined && creates(stmt.value, helper, depth + 1));
  };
  // `self.user_embeddings = tf.Variable(...)` in the class: that attribute.
  const className = expr.kind === 'attr' ? classOfReceiver(expr.object, scope) : undefined;
  if (className && expr.kind === 'attr') return scope.module.instanceAttributes.get(className)?.get(expr.attr)?.some((assigned) => creates(assigned.value)) ? dottedName(expr) : undefined;
  if (expr.kind !== 'name') return undefined;
  return scope.assignmentsOf(expr.id)?.some((value) => creates(value)) ? expr.id : undefined;
}

function tensorflowCallValue(
  member: string,
  args: Value[],
  keywords: Map<string, Value>,
  callSite: Site,
  context?: EvalContext,
  decaySite?: Site,
  leavesOutRegularization = false,
  momentumKind?: { nesterov?: true; dampening?: number },
): Value {
  // Keras losses compute from labels and predictions only: `tf.keras.losses.mse(y, p)` is data,
  // `tf.keras.losses.MeanSquaredError()` an object whose calls are.
  const kerasLoss = /^keras\.losses\.(?:(?<fn>[a-z_]+)|[A-Z]\w*)$/.exec(member);
  if (kerasLoss) return kerasLoss.groups?.fn ? EMPTY : [{ k: 'dataLoss' }];
  const arg = (index: number, name: string): Value => args[index] ?? keywords.get(name) ?? EMPTY;
  // Keras `SGD(lr, momentum)` with a momentum given (not a known 0): momentum SGD, its limit decided by the value.
  const kerasMomentum = optimizerKind(member) === 'sgd' && member.startsWith('keras.') ? arg(1, 'momentum') : EMPTY;
  const momentumFactor = factorOf(kerasMomentum);
  const withMomentum = kerasMomentum.length > 0 && !(momentumFactor.k === 'num' && momentumFactor.value === 0);
  const kind = withMomentum ? 'momentum' : optimizerKind(member);
  if (kind) {
    const variant = kind === 'momentum' ? momentumKind : undefined;
    const momentum = variant ? knownValue(factorOf(arg(1, 'momentum'))) : undefined;
    const decay = keywords.get('weight_decay') ?? (decaysUnscaled(member) ? args[0] : undefined);
    const kerasDecay: OptimizerDecay | undefined =
      (member.startsWith('keras.') || decaysUnscaled(member)) && (decay ? !isDisabled(decay) : kind === 'adamw')
        ? {
            factor: decay ? factorOf(decay) : { k: 'num', value: KERAS_ADAMW_DEFAULT_DECAY, site: callSite },
            site: decaySite ?? callSite,
            allParameters: decaySite ?? callSite,
            keras: { exclusions: [], addons: decaysUnscaled(member) || undefined },
          }
        : undefined;
    const tag: OptimizerTag = { k: 'optimizer', name: member.split('.').pop()!, kind, learningRate: factorOf(arg(decaysUnscaled(member) ? 1 : 0, 'learning_rate')), site: callSite, momentum, ...variant, weightDecay: kerasDecay };
    if (kerasDecay) context?.effects.push({ k: 'optimizer', tag, site: callSite });
    return [tag];
  }
  switch (tfRole(member)) {
    case 'l2Loss':
      return [{ k: 'l2', gradScale: 1, site: callSite }];
    case 'square':
      return squareOf(arg(0, 'x'), callSite);
    case 'multiply':
      return multiply(arg(0, 'x'), arg(1, 'y'), callSite);
    case 'addToCollection':
      context?.effects.push({ k: 'write', key: keyOf(arg(0, 'name')), value: arg(1, 'value').map((tag) => unscaledAsDecay(tag, callSite)), site: callSite, guard: context.guard });
      return EMPTY;
    case 'addToCollections':
      for (const tag of arg(0, 'names')) {
        if (tag.k === 'str') {
          context?.effects.push({ k: 'write', key: { k: 'lit', value: tag.value }, value: arg(1, 'value').map((term) => unscaledAsDecay(term, callSite)), site: callSite, guard: context.guard });
        }
      }
      return EMPTY;
    case 'getCollection':
      return [{ k: 'list', key: keyOf(arg(0, 'key')), site: callSite, scoped: scopeGiven(arg(1, 'scope')) }];
    case 'getLosses':
      return [{ k: 'list', key: { k: 'lit', value: 'losses' }, site: callSite }];
    case 'getTotalLoss': {
      const losses: Value = [{ k: 'list', key: { k: 'lit', value: 'losses' }, site: callSite }];
      const regularization: Value = leavesOutRegularization ? EMPTY : [{ k: 'list', key: { k: 'lit', value: 'regularization_losses' }, site: callSite }];
      return toSum([...losses, ...regularization], callSite, context);
    }
    case 'getRegularizationLoss': {
      const list: Value = [{ k: 'list', key: { k: 'lit', value: 'regularization_losses' }, site: callSite, scoped: scopeGiven(arg(0, 'scope')) }];
      return member.endsWith('losses') ? list : toSum(list, callSite, context);
    }
    case 'sumList':
      return toSum(arg(0, 'inputs'), callSite, context);
    case 'reduceMean':
      return toSum(arg(0, 'input_tensor'), callSite, context);
    case 'reduceSum': {
      const input = arg(0, 'input_tensor');
      // `tf.reduce_sum(tf.square(embeddings), 1)` (a factorization machine's second order): one value per row, no penalty.
      if (args.length >= 2 || keywords.has('axis') || keywords.has('reduction_indices')) return perRow(input);
      return sumOf(input, callSite) ?? toSum(input, callSite, context);
    }
    case 'optimizeLoss': {
      const name = arg(3, 'optimizer').find((tag) => tag.k === 'str');
      const optimizer: Tag = {
        k: 'optimizer',
        name: name?.k === 'str' ? name.value : 'optimizer',
        kind: name?.k === 'str' ? optimizerNames[name.value] ?? 'unknown' : 'unknown',
        learningRate: factorOf(arg(2, 'learning_rate')),
        site: callSite,
      };
      context?.effects.push({ k: 'sink', loss: arg(0, 'loss'), optimizer: [optimizer], site: callSite, method: 'optimize_loss' });
      return EMPTY;
    }
    case 'createTrainOp':
      context?.effects.push({
        k: 'sink',
        loss: arg(0, 'total_loss'),
        optimizer: arg(1, 'optimizer').filter((tag) => tag.k === 'optimizer'),
        site: callSite,
        method: 'create_train_op',
      });
      return EMPTY;
    case 'l2Regularizer':
      return [{ k: 'regularizer', factor: factorOf(arg(0, 'scale')), gradScale: 1, site: callSite }];
    case 'l1l2Regularizer':
      // `scale_l1 * sum|w| + scale_l2 * l2_loss(w)`: the L2 part, by the second argument.
      return [{ k: 'regularizer', factor: factorOf(arg(1, 'scale_l2')), gradScale: 1, site: callSite }];
    case 'applyRegularization': {
      // The regularizer applied to the weights: its term, returned and also written to
      // REGULARIZATION_LOSSES (a term trained either way is trained: computeDecayFacts).
      const terms = arg(0, 'regularizer').flatMap((tag) => (tag.k === 'regularizer' ? [applyRegularizer(tag)] : []));
      if (terms.length > 0) context?.effects.push({ k: 'write', key: { k: 'lit', value: REGULARIZATION_LOSSES }, value: terms, site: callSite, guard: context.guard });
      return terms;
    }
    case 'kerasL2Regularizer':
      return [{ k: 'regularizer', factor: factorOf(arg(0, 'l2')), gradScale: 2, site: callSite }];
    case 'kerasL1L2Regularizer': {
      // The L2 part is the second argument. Left out, the class L1L2 has none; the function
      // l1_l2's default differs between tf.keras (0.01) and Keras 3 (0): unknown.
      const l2 = arg(1, 'l2');
      if (l2.length === 0 && member.endsWith('L1L2')) return EMPTY;
      return [{ k: 'regularizer', factor: factorOf(l2), gradScale: 2, site: callSite }];
    }
    case 'learningRateSchedule':
      return arg(0, 'learning_rate').filter((tag) => tag.k === 'num' || tag.k === 'param');
    case 'negate':
      // `tf.negative(log_post)`: a maximized objective turned into the loss.
      return negatedTerms(arg(0, 'x'), callSite, true);
    default: {
      const value = unionOf([...args, ...keywords.values()]);
      return passesThrough(member) ? value : asData(value);
    }
  }
}

function tensorflowMethod({ host, method, call, receiver, args, keywords, scope, context, at }: MethodCall): Value | undefined {
  if (graphCollectionMethods.has(method)) return tensorflowCallValue(method, args, keywords, at, context);
  if (method === 'create_estimator_spec') {
    // A tf.estimator head computes the loss from labels and logits, adds `regularization_losses=`
    // when given, and hands it to `train_op_fn` (a callback, usually nested).
    const trainOpFn = call.keywords.find((keyword) => keyword.name === 'train_op_fn')?.value;
    const resolved = trainOpFn?.kind === 'name' ? host.resolveCallee(trainOpFn.id, scope) : undefined;
    if (resolved?.kind === 'function') {
      const headLoss = toSum(keywords.get('regularization_losses') ?? EMPTY, at, context);
      host.instantiateCall(resolved.ref, call, [headLoss], new Map(), scope, context);
    }
    return asData(unionOf([receiver, ...args, ...keywords.values()]));
  }
  // `tape.gradient(loss, model.trainable_variables)` trains (a custom loop's sink), as does any tape
  // gradient in a Keras `train_step` override (`self._freeze_vars()`); a gradient with respect to
  // inputs elsewhere (saliency maps, adversarial examples) does not.
  const trained = method === 'gradient' && call.args.length >= 2 ? trainableVariablesOf(host, call.args[1], scope) : undefined;
  if (method === 'gradient' && call.args.length >= 2 && (trained !== undefined || inTrainStep(scope) || gradientsApplied(call.args[1], scope))) {
    const lossName = dottedName(call.args[0]);
    const definition = call.args[0].kind === 'name' ? host.onlyAssignment(call.args[0].id, scope) : undefined;
    context?.effects.push({
      k: 'sink',
      loss: args[0],
      optimizer: optimizersApplying(host, context?.assigned?.call === call ? context.assigned.targets : [], scope),
      site: at,
      method: 'gradient',
      lossName,
      lossSite: site(scope, call.args[0].range),
      statement: statementSite(scope, context),
      lossDefinition: definition ? site(scope, definition.range) : undefined,
      trainedModel: call.args[1].kind === 'attr' ? dottedName(call.args[1].object) : undefined,
      trainedObjects: trained?.every((model) => model !== undefined) ? (trained as string[]) : undefined,
    });
    return EMPTY;
  }
  if (method === 'minimize' || method === 'compute_gradients') {
    const lossExpr = call.args[0] ?? call.keywords.find((keyword) => keyword.name === 'loss')?.value;
    context?.effects.push({
      k: 'sink',
      loss: args[0] ?? keywords.get('loss') ?? EMPTY,
      optimizer: receiver.filter((tag) => tag.k === 'optimizer'),
      site: at,
      method,
      lossName: lossExpr ? dottedName(lossExpr) : undefined,
      lossSite: lossExpr ? site(scope, lossExpr.range) : undefined,
      statement: statementSite(scope, context),
    });
    return EMPTY;
  }
  return undefined;
}

/**
 * `grads = tape.gradient(loss, vars)` ... `optimizer.apply_gradients(zip(grads, vars))` in the same
 * function: the optimizers that apply the gradients the names hold (their learning rate and kind).
 */
function optimizersApplying(host: FrameworkHost, targets: readonly Expr[], scope: Scope, throughNames = false): Value {
  const names = new Set(targetNames([...targets]));
  if (names.size === 0) return EMPTY;
  if (throughNames) namesComputedFrom(names, scope);
  const applied: Value[] = [];
  for (const expr of walkExpressions([...walkStatements(scope.fn ? scope.fn.body : scope.module.ir.body, false)].flatMap(readExpressions))) {
    if (expr.kind !== 'call' || expr.callee.kind !== 'attr' || expr.callee.attr !== 'apply_gradients') continue;
    if (![...walkExpressions([...expr.args, ...expr.keywords.map((keyword) => keyword.value)])].some((part) => part.kind === 'name' && names.has(part.id))) continue;
    applied.push(host.evaluate(expr.callee.object, scope).filter((tag) => tag.k === 'optimizer'));
  }
  return unionOf(applied);
}

/** Adds the names assigned from the names (`grads, _ = tf.clip_by_global_norm(grads, 40.0)`, `pairs = list(zip(grads, vars))`), transitively. */
function namesComputedFrom(names: Set<string>, scope: Scope): void {
  const assignments = [...walkStatements(scope.fn ? scope.fn.body : scope.module.ir.body, false)].flatMap((stmt) => (stmt.kind === 'assign' ? [stmt] : []));
  for (let grown = true; grown; ) {
    grown = false;
    for (const stmt of assignments) {
      if (![...walkExpressions([stmt.value])].some((part) => part.kind === 'name' && names.has(part.id))) continue;
      for (const target of targetNames(stmt.targets)) if (!names.has(target)) grown = names.add(target) !== undefined;
    }
  }
}

/**
 * `model` in `[model.w, model.b]`: the one object whose attributes the list holds, unless it is
 * known to be of a class that is no Keras model or layer (an agent's `[self.log_temperature]`).
 */
function ownVariablesOwner(host: FrameworkHost, expr: Expr, scope: Scope): Expr | undefined {
  if (expr.kind !== 'group' || expr.tuple || expr.keys || expr.subscript || expr.items[0]?.kind !== 'attr') return undefined;
  const owner = expr.items[0].object;
  const name = dottedName(owner);
  if (!name || !expr.items.every((item) => item.kind === 'attr' && dottedName(item.object) === name)) return undefined;
  const derivesFromKeras = (module: ModuleInfo, className: string) => (module.classBases.get(className) ?? []).some((base) => KERAS_BASE.test(host.qualify(base, module)));
  // `self.log_temperature` in a method: the method's own class.
  const ownClass = classOfReceiver(owner, scope);
  if (ownClass) return derivesFromKeras(scope.module, ownClass) ? owner : undefined;
  const objects = knownObjects(host.evaluate(owner, scope));
  const keras = (instance: InstanceTag) => {
    const init = host.constructorOf(instance);
    return init !== undefined && derivesFromKeras(init.module, instance.className);
  };
  return !objects || objects.some(keras) ? owner : undefined;
}

const KERAS_BASE = /(?:^|\.)keras\.(?:Model|Sequential|layers\.Layer)$/;

/**
 * `g.gradient(loss, variables)` then `optimizer.apply_gradients(zip(grads, variables))` in the same
 * function: whatever the variables are (a parameter the caller gives `model.trainable_variables`),
 * they are trained.
 */
function gradientsApplied(variables: Expr, scope: Scope): boolean {
  const name = dottedName(variables);
  if (!name || !scope.fn) return false;
  return [...walkExpressions([...walkStatements(scope.fn.body)].flatMap(readExpressions))].some(
    (expr) =>
      expr.kind === 'call' &&
      expr.callee.kind === 'attr' &&
      expr.callee.attr === 'apply_gradients' &&
      expr.args[0]?.kind === 'call' &&
      dottedName(expr.args[0].callee) === 'zip' &&
      expr.args[0].args.length === 2 &&
      dottedName(expr.args[0].args[1]) === name,
  );
}

/** The scope is a Keras `train_step` override (or a function nested in one). */
function inTrainStep(scope: Scope): boolean {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s.fn && /(?:^|\.)train_step$/.test(s.fn.name)) return true;
  return false;
}

/**
 * What `tape.gradient(loss, ...)` differentiates for: `model.trainable_variables`, `g_vars +
 * d_vars` or a tuple of such, or a list of one object's own variables (`[model.w, model.b]`): the
 * models they belong to, by objectKey (undefined where a model has none); undefined when the
 * expression is no such list (the inputs of a saliency map).
 */
function trainableVariablesOf(host: FrameworkHost, expr: Expr, scope: Scope, depth = 0): (string | undefined)[] | undefined {
  if (depth > 4) return undefined;
  if (expr.kind === 'attr') return trainableAttributes.has(expr.attr) ? [objectKey(expr.object, scope)] : undefined;
  const owner = ownVariablesOwner(host, expr, scope);
  if (owner) return [objectKey(owner, scope)];
  if (expr.kind === 'name') {
    const assigned = host.onlyAssignment(expr.id, scope);
    return assigned && trainableVariablesOf(host, assigned, scope, depth + 1);
  }
  const parts = expr.kind === 'binop' && expr.op === '+' ? [expr.left, expr.right] : expr.kind === 'group' && expr.tuple ? expr.items : [];
  const each = parts.map((part) => trainableVariablesOf(host, part, scope, depth + 1));
  return each.length > 0 && each.every((models) => models !== undefined) ? each.flat() : undefined;
}
