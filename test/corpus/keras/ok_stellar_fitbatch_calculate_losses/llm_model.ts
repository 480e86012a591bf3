// Idiom seen in: rkuang9/tfjs-stellar src/models/llm_model.ts
// What it reproduces: a tf.Sequential subclass that overrides fitDataset() with its own per-batch step
//   (tf.variableGrads + this.optimizer.applyGradients) to support loss masks. Because the override replaces
//   Keras-style fit, the step adds the layers' regularization terms itself via this.calculateLosses(). Clean.
import * as tf from '@tensorflow/tfjs';
import { sparseCategoricalCrossentropy } from '@tensorflow/tfjs-layers/dist/losses';

export type LossOrMetricFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

interface Batch extends tf.TensorContainerObject {
  xs: tf.Tensor;
  ys: tf.Tensor;
  loss_mask?: tf.Tensor;
}

export class LlmModel extends tf.Sequential {
  static className = 'LlmModel';

  constructor(args: tf.SequentialArgs) {
    args.name = args.name ?? 'model';
    super(args);
  }

  protected fitBatch(xs: tf.Tensor, ys: tf.Tensor, lossMask: tf.Tensor | undefined, lossFunction: LossOrMetricFn) {
    const { value: loss, grads } = tf.variableGrads(() => {
      const yPred = this.apply(xs, { training: true }) as tf.Tensor;
      const perToken = lossMask ? lossFunction(ys, yPred).mul(lossMask) : lossFunction(ys, yPred);
      const dataLoss = perToken.mean() as tf.Scalar;
      const regLosses = this.calculateLosses();
      return (regLosses.length > 0 ? tf.add(dataLoss, tf.addN(regLosses)) : dataLoss) as tf.Scalar;
    });
    this.optimizer.applyGradients(grads);
    tf.dispose(grads);
    return loss;
  }

  override async fitDataset<T>(dataset: tf.data.Dataset<T>, args: { epochs: number; onEpochEnd?: (epoch: number, loss: number) => void }): Promise<tf.History> {
    const lossFunction: LossOrMetricFn = sparseCategoricalCrossentropy;
    for (let epoch = 0; epoch < args.epochs; epoch++) {
      let total = 0;
      let batches = 0;
      const it = await dataset.iterator();
      for (let next = await it.next(); !next.done; next = await it.next()) {
        const { xs, ys, loss_mask } = next.value as unknown as Batch;
        const loss = tf.tidy(() => this.fitBatch(xs, ys, loss_mask, lossFunction));
        total += (await loss.data())[0];
        batches++;
        tf.dispose([xs, ys, loss_mask, loss]);
      }
      args.onEpochEnd?.(epoch, total / Math.max(batches, 1));
      if (this.stopTraining) break;
    }
    return {} as tf.History;
  }
}

tf.serialization.registerClass(LlmModel);
