// Idiom seen in: daylonblakely/tfjs-catch src/Model.ts
// Idiom seen in: daylonblakely/tfjs-catch src/Network.ts
// What it reproduces: the repo's Model extends tf.Sequential, here with kernelRegularizer l2 on its dense
// layers, and Network.train() (a user change; the repo calls model.fit) fits the Q-targets with
// optimizer.minimize on the bare MSE: the layers' regularization terms never join the minimized loss.
import * as tf from '@tensorflow/tfjs';

export class Model extends tf.Sequential {
  inputSize: number;
  private numActions: number;

  constructor(
    inputSize: number,
    numActions: number,
    hiddenLayerSizes: number[],
    l2 = 1e-4
  ) {
    super();
    this.inputSize = inputSize;
    this.numActions = numActions;

    hiddenLayerSizes.forEach((hiddenLayerSize, i) => {
      this.add(
        tf.layers.dense({
          units: hiddenLayerSize,
          activation: 'relu',
          kernelRegularizer: tf.regularizers.l2({ l2 }), // expect: WD103
          // `inputShape` is required only for the first layer.
          inputShape: i === 0 ? [this.inputSize] : undefined,
        })
      );
    });
    this.add(
      tf.layers.dense({
        units: this.numActions,
        kernelRegularizer: tf.regularizers.l2({ l2 }), // expect: WD103
      })
    );

    this.summary();
  }
}
