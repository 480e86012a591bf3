// Idiom seen in: zemlyansky/gpt-tfjs src/model.mts
// What it reproduces: a functional tf.model whose dense layers carry kernelRegularizer: tf.regularizers.l2;
//   the custom loop in train.ts adds `...model.losses` (the Keras way), which in TF.js does not hold these
//   terms, so every regularizer is dead (WD103 on each kernelRegularizer).
import * as tf from "@tensorflow/tfjs-node";

export interface ClassifierConfig {
  name?: string;
  inputDim: number;
  hidden: number;
  numClasses: number;
  dropout: number;
  l2: number;
}

export function Classifier(conf: ClassifierConfig): tf.LayersModel {
  const config = Object.assign({ name: "clf" }, conf);
  const inputs = tf.input({ shape: [config.inputDim] });
  let x = tf.layers
    .dense({
      name: config.name + "/fc1",
      units: config.hidden,
      activation: "relu",
      kernelRegularizer: tf.regularizers.l2({ l2: config.l2 }), // expect: WD103
    })
    .apply(inputs) as tf.SymbolicTensor;
  x = tf.layers
    .layerNormalization({ name: config.name + "/ln_1", epsilon: 1e-5 })
    .apply(x) as tf.SymbolicTensor;
  x = tf.layers
    .dropout({ name: config.name + "/drop", rate: config.dropout })
    .apply(x) as tf.SymbolicTensor;
  x = tf.layers
    .dense({
      name: config.name + "/fc2",
      units: config.hidden,
      activation: "relu",
      kernelRegularizer: tf.regularizers.l2({ l2: config.l2 }), // expect: WD103
    })
    .apply(x) as tf.SymbolicTensor;
  const logits = tf.layers
    .dense({
      name: config.name + "/head",
      units: config.numClasses,
      kernelRegularizer: tf.regularizers.l2({ l2: config.l2 }), // expect: WD103
    })
    .apply(x) as tf.SymbolicTensor;
  return tf.model({ name: config.name, inputs: inputs, outputs: logits });
}
