// Idiom seen in: yoavain/tensorflow-js-playground src/tfjs-gpu-check.ts
// Idiom seen in: yoavain/tensorflow-js-playground src/tfjs-model.ts
// What it reproduces: a tfjs-node tabular classifier (UCI heart disease) whose dense layers carry
//   kernelRegularizer: tf.regularizers.l2(...); the model is compiled here and trained with
//   model.fit in train.ts, which adds the layers' regularization terms to the loss. Clean.
import * as tf from '@tensorflow/tfjs-node';
import type { Sequential } from '@tensorflow/tfjs-node';

export interface ModelConfig {
    numFeatures: number;
    hiddenUnits: number[];
    l2: number;
    learningRate: number;
}

export function createModel(config: ModelConfig): Sequential {
    const model: Sequential = tf.sequential();
    config.hiddenUnits.forEach((units, i) => {
        model.add(tf.layers.dense({
            units,
            activation: 'relu',
            inputShape: i === 0 ? [config.numFeatures] : undefined,
            kernelRegularizer: tf.regularizers.l2({ l2: config.l2 }),
        }));
        model.add(tf.layers.dropout({ rate: 0.2 }));
    });
    model.add(tf.layers.dense({
        units: 1,
        activation: 'sigmoid',
        kernelRegularizer: tf.regularizers.l2({ l2: config.l2 }),
    }));
    model.compile({
        optimizer: tf.train.adam(config.learningRate),
        loss: 'binaryCrossentropy',
        metrics: ['accuracy'],
    });
    return model;
}
