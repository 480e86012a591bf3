// What the analysis knows about TensorFlow functions, keyed by the name after `tf.`
// (with `tf.compat.v1.` and `tf.compat.v2.` folded into `tf.`).
import type { OptimizerKind } from '../values';

export type TfRole =
  | 'l2Loss'
  | 'square'
  | 'multiply'
  | 'addToCollection'
  | 'addToCollections'
  | 'getCollection'
  | 'getLosses'
  | 'getTotalLoss'
  | 'getRegularizationLoss'
  | 'sumList'
  | 'negate'
  | 'reduceMean'
  | 'reduceSum'
  | 'gradients'
  | 'optimizeLoss'
  | 'createTrainOp'
  | 'learningRateSchedule'
  | 'l2Regularizer'
  | 'l1l2Regularizer'
  | 'applyRegularization'
  | 'kerasL2Regularizer'
  | 'kerasL1L2Regularizer'
  | 'graphKey';

const roles: Record<string, TfRole> = {
  'nn.l2_loss': 'l2Loss',
  'square': 'square',
  'math.square': 'square',
  'multiply': 'multiply',
  'mul': 'multiply',
  'math.multiply': 'multiply',
  'scalar_mul': 'multiply',
  'math.scalar_mul': 'multiply',
  'add_to_collection': 'addToCollection',
  'add_to_collections': 'addToCollections',
  'get_collection': 'getCollection',
  'get_collection_ref': 'getCollection',
  'losses.get_losses': 'getLosses',
  'losses.get_total_loss': 'getTotalLoss',
  'contrib.losses.get_total_loss': 'getTotalLoss',
  'contrib.losses.get_losses': 'getLosses',
  'contrib.losses.get_regularization_losses': 'getRegularizationLoss',
  'contrib.slim.losses.get_total_loss': 'getTotalLoss',
  'contrib.slim.losses.get_losses': 'getLosses',
  'contrib.slim.losses.get_regularization_losses': 'getRegularizationLoss',
  'losses.get_regularization_loss': 'getRegularizationLoss',
  'losses.get_regularization_losses': 'getRegularizationLoss',
  'add_n': 'sumList',
  negative: 'negate',
  'math.negative': 'negate',
  'math.add_n': 'sumList',
  'accumulate_n': 'sumList',
  'math.accumulate_n': 'sumList',
  'reduce_sum': 'reduceSum',
  'math.reduce_sum': 'reduceSum',
  // A mean of a collection's terms reads them all, like their sum; of a tensor, it is the tensor.
  'reduce_mean': 'reduceMean',
  'math.reduce_mean': 'reduceMean',
  'gradients': 'gradients',
  'contrib.layers.optimize_loss': 'optimizeLoss',
  'contrib.slim.learning.create_train_op': 'createTrainOp',
  'contrib.training.create_train_op': 'createTrainOp',
  'contrib.layers.l2_regularizer': 'l2Regularizer',
  'contrib.slim.l2_regularizer': 'l2Regularizer',
  'contrib.layers.l1_l2_regularizer': 'l1l2Regularizer',
  'contrib.slim.l1_l2_regularizer': 'l1l2Regularizer',
  'contrib.layers.apply_regularization': 'applyRegularization',
  'contrib.slim.apply_regularization': 'applyRegularization',
  'keras.regularizers.l2': 'kerasL2Regularizer',
  'keras.regularizers.L2': 'kerasL2Regularizer',
  'keras.regularizers.l1_l2': 'kerasL1L2Regularizer',
  'keras.regularizers.L1L2': 'kerasL1L2Regularizer',
  'train.exponential_decay': 'learningRateSchedule',
  'train.inverse_time_decay': 'learningRateSchedule',
  'train.natural_exp_decay': 'learningRateSchedule',
  'train.polynomial_decay': 'learningRateSchedule',
  'train.cosine_decay': 'learningRateSchedule',
};

const optimizers: Record<string, OptimizerKind> = {
  'train.GradientDescentOptimizer': 'sgd',
  'train.MomentumOptimizer': 'momentum',
  'train.AdamOptimizer': 'adam',
  'train.RMSPropOptimizer': 'adaptive',
  'train.AdagradOptimizer': 'adaptive',
  'train.AdadeltaOptimizer': 'adaptive',
  'train.FtrlOptimizer': 'unknown',
  'train.ProximalGradientDescentOptimizer': 'unknown',
  'keras.optimizers.SGD': 'sgd',
  'keras.optimizers.Adam': 'adam',
  'keras.optimizers.RMSprop': 'adaptive',
  'keras.optimizers.Adagrad': 'adaptive',
  'keras.optimizers.Adadelta': 'adaptive',
  'keras.optimizers.Nadam': 'adam',
  'keras.optimizers.Adamax': 'adam',
  'keras.optimizers.AdamW': 'adamw',
  'keras.optimizers.experimental.SGD': 'sgd',
  'keras.optimizers.experimental.Adam': 'adam',
  'keras.optimizers.experimental.AdamW': 'adamw',
  'keras.addons.AdamW': 'adamw',
  // SGDW's decay is not scaled by the learning rate: no lr*wd arithmetic applies.
  'keras.addons.SGDW': 'unknown',
  'contrib.opt.AdamWOptimizer': 'adamw',
  'contrib.opt.MomentumWOptimizer': 'unknown',
};

/**
 * Optimizers that decay every variable they update by `weight_decay * w` each step, not scaled by
 * the learning rate, unless `minimize`/`apply_gradients` names a `decay_var_list` (TF1 contrib's and
 * TensorFlow Addons' AdamW/SGDW); they take the decay as their first argument.
 */
export function decaysUnscaled(member: string): boolean {
  return member.startsWith('keras.addons.') || member === 'contrib.opt.AdamWOptimizer' || member === 'contrib.opt.MomentumWOptimizer';
}

/** Keras 3's AdamW decays by 0.004 unless told otherwise. */
export const KERAS_ADAMW_DEFAULT_DECAY = 0.004;

/** Collection names behind `tf.GraphKeys.*`. */
export const graphKeys: Record<string, string> = {
  'GraphKeys.LOSSES': 'losses',
  'GraphKeys.REGULARIZATION_LOSSES': 'regularization_losses',
};

/** `optimize_loss(optimizer='SGD')` names. */
export const optimizerNames: Record<string, OptimizerKind> = {
  SGD: 'sgd',
  Momentum: 'momentum',
  Adam: 'adam',
  Adagrad: 'adaptive',
  RMSProp: 'adaptive',
};

/** `tensorflow.compat.v1.nn.l2_loss` -> `nn.l2_loss`; undefined outside TensorFlow. */
export function tensorflowMember(fullName: string): string | undefined {
  const match = /^tensorflow(?:\.compat\.v[12])?(?:\.(.*))?$/.exec(fullName);
  // `tensorflow.contrib.layers.python.layers.regularizers.l2_regularizer`: the public name behind the module path.
  if (match) return (match[1] ?? '').replace(/^contrib\.layers\.python\.layers\.(?:regularizers|layers|initializers)\./, 'contrib.layers.');
  // Keras 3 (`import keras`) and the Keras 2 package (`tf_keras`) are tf.keras under other names.
  const keras = /^(?:keras|tf_keras)(\..*)?$/.exec(fullName);
  if (keras) return `keras${keras[1] ?? ''}`;
  // TensorFlow Addons' decoupled optimizers, Keras optimizers with a weight_decay of their own.
  const addons = /^tensorflow_addons\.optimizers\.(AdamW|SGDW)$/.exec(fullName);
  return addons ? `keras.addons.${addons[1]}` : undefined;
}

export function tfRole(member: string): TfRole | undefined {
  return roles[member] ?? (member in graphKeys ? 'graphKey' : undefined);
}

export function optimizerKind(member: string): OptimizerKind | undefined {
  return optimizers[member];
}

/**
 * Ops whose result is their input, rearranged or combined (a reduction of a loss is still the
 * loss). Any other TensorFlow function computes data (a loss from logits, a layer's output): it
 * never carries a collection read it was not given.
 */
const passThroughOps = new Set([
  'add', 'subtract', 'divide', 'truediv', 'div', 'realdiv', 'identity', 'cast', 'cond', 'case',
  'where', 'squeeze', 'reshape', 'maximum', 'minimum', 'tuple', 'check_numerics', 'Print', 'print', 'convert_to_tensor',
  'expand_dims', 'stack', 'concat', 'gather', 'group', 'control_dependencies', 'abs', 'scalar_mul', 'multiply', 'mul', 'constant',
  // `tf.keras.regularizers.get(r)` hands back the regularizer it is given (or the one a name stands for).
  'keras.regularizers.get',
]);

export function passesThrough(member: string): boolean {
  return passThroughOps.has(member.startsWith('math.') ? member.slice(5) : member);
}

/** Arguments through which TF1 layers and variables take a regularizer (into REGULARIZATION_LOSSES). */
export const regularizerKeywords = new Set([
  'regularizer',
  'kernel_regularizer',
  'bias_regularizer',
  'weights_regularizer',
  'biases_regularizer',
  'activity_regularizer',
  // Keras layers' other weights: embeddings, separable convolutions' two kernels, recurrent kernels, normalization scales.
  'embeddings_regularizer',
  'depthwise_regularizer',
  'pointwise_regularizer',
  'recurrent_regularizer',
  'gamma_regularizer',
  'beta_regularizer',
]);


/** `kernel_regularizer='l2'`: Keras' default factor for the string form. */
export const KERAS_DEFAULT_L2 = 0.01;
