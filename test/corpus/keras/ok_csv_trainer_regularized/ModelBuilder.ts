// Idiom seen in: joonhyungkimweb/tfjsCloudTrainigExpress src/Modules/ModelLoader.ts
// Idiom seen in: joonhyungkimweb/tfjsCloudTrainigExpress src/@types/TrainingParams.d.ts
// What it reproduces: a cloud-training server's model builder that turns a user's layer spec into a
//   tf.sequential with optional L2 kernelRegularizer per dense layer; the model is trained with compile + fit
//   (ModelTrainer.ts), which adds the regularizer terms itself: clean.
import * as tf from '@tensorflow/tfjs-node-gpu';

export interface DenseSpec {
  units: number;
  activation: 'relu' | 'sigmoid' | 'softmax' | 'linear' | 'tanh';
  l2?: number;
}

export interface ModelSpec {
  inputShape: number[];
  layers: DenseSpec[];
}

export const buildModel = (spec: ModelSpec): tf.Sequential => {
  const model = tf.sequential();
  spec.layers.forEach((layer, i) => {
    model.add(
      tf.layers.dense({
        units: layer.units,
        activation: layer.activation,
        inputShape: i === 0 ? spec.inputShape : undefined,
        kernelRegularizer: layer.l2 ? tf.regularizers.l2({ l2: layer.l2 }) : undefined,
      })
    );
  });
  return model;
};
