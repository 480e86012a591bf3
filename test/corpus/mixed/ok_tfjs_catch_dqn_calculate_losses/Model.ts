// Idiom seen in: daylonblakely/tfjs-catch src/Model.ts
// Idiom seen in: daylonblakely/tfjs-catch src/Network.ts
// What it reproduces: the repo's Model extends tf.Sequential with kernelRegularizer l2 on its dense layers;
// Network.train() minimizes the MSE plus model.calculateLosses() inside the function given to
// optimizer.minimize, so the regularization terms are differentiated (clean).
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
          kernelRegularizer: tf.regularizers.l2({ l2 }),
          // `inputShape` is required only for the first layer.
          inputShape: i === 0 ? [this.inputSize] : undefined,
        })
      );
    });
    this.add(
      tf.layers.dense({
        units: this.numActions,
        kernelRegularizer: tf.regularizers.l2({ l2 }),
      })
    );

    this.summary();
  }
}
