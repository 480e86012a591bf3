// Keras models as objects: which calls build a model (its layers then already have their
// weights, so a regularizer assigned to a layer afterwards adds no loss), which calls rebuild one
// from its config (picking such a regularizer up).
import type { LoopBinding } from '../evalContext';
import { dottedName, type Expr } from '../ir';

/** Layer attributes that hold a regularizer Keras reads when it creates the layer's weights. */
export const layerRegularizerAttributes = new Set([
  'kernel_regularizer',
  'bias_regularizer',
  'activity_regularizer',
  'embeddings_regularizer',
  'recurrent_regularizer',
  'depthwise_regularizer',
  'pointwise_regularizer',
]);

const rebuiltModel = /^(?:tensorflow(?:\.compat\.v[12])?\.)?keras\.models\.(?:model_from_json|model_from_config|model_from_yaml|clone_model)$/;

/** Cheap test on the written name before qualifying it (this runs for every call). */
export function mayRebuildModel(dotted: string): boolean {
  return /(?:model_from_json|model_from_config|model_from_yaml|clone_model)$/.test(dotted);
}

export function rebuildsModel(qualified: string): boolean {
  return rebuiltModel.test(qualified);
}

/**
 * The model whose layer an expression is: `model.get_layer('x')`, `model.layers[0]`, a name
 * assigned one of these, or the variable of a loop over `model.layers`.
 */
export function layerOwner(expr: Expr, loops: readonly LoopBinding[], onlyAssignment: (name: string) => Expr | undefined, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  if (expr.kind === 'call' && expr.callee.kind === 'attr' && expr.callee.attr === 'get_layer') return dottedName(expr.callee.object);
  // `model.layers[0]` is a group of the subscripted value and the index.
  if (expr.kind === 'group') return layersOf(expr.items[0]);
  if (expr.kind !== 'name') return undefined;
  for (let index = loops.length - 1; index >= 0; index--) {
    const { target, iterable } = loops[index];
    // `for layer in model.layers[-4:]:`, `for i, layer in enumerate(model.layers):`
    const enumerated = iterable.kind === 'call' && iterable.callee.kind === 'name' && iterable.callee.id === 'enumerate';
    const bound = enumerated && target.kind === 'group' ? target.items[target.items.length - 1] : target;
    if (bound?.kind === 'name' && bound.id === expr.id) {
      const layers = enumerated && iterable.kind === 'call' ? iterable.args[0] : iterable;
      return layers?.kind === 'group' ? layersOf(layers.items[0]) : layersOf(layers);
    }
  }
  const assigned = onlyAssignment(expr.id);
  return assigned ? layerOwner(assigned, loops, onlyAssignment, depth + 1) : undefined;
}

/** `model` in `model.layers`; also in `model.layers[0].layers` and `model.get_layer('base').layers`, a nested model's layers. */
function layersOf(expr: Expr | undefined): string | undefined {
  if (expr?.kind !== 'attr' || expr.attr !== 'layers') return undefined;
  const object = expr.object;
  if (object.kind === 'group' && object.subscript) return layersOf(object.items[0]);
  if (object.kind === 'call' && object.callee.kind === 'attr' && object.callee.attr === 'get_layer') return dottedName(object.callee.object);
  return dottedName(object);
}

/** The model a rebuild call rebuilds: the first name in `model_from_json(model.to_json())`, through one assignment. */
export function rebuiltModelName(call: Expr & { kind: 'call' }, onlyAssignment: (name: string) => Expr | undefined): string | undefined {
  let argument: Expr | undefined = call.args[0] ?? call.keywords[0]?.value;
  if (argument?.kind === 'name') {
    const assigned = onlyAssignment(argument.id);
    if (assigned && serializedModel(assigned)) argument = assigned;
  }
  const name = argument ? dottedName(serializedModel(argument) ?? argument) : undefined;
  return name?.split('.')[0];
}

/** `model` in `model.to_json()`, `model.get_config()`. */
function serializedModel(expr: Expr): Expr | undefined {
  return expr.kind === 'call' && expr.callee.kind === 'attr' && ['to_json', 'to_yaml', 'get_config'].includes(expr.callee.attr) ? expr.callee.object : undefined;
}
