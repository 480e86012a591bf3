// Idiom seen in: Thlamz/balance src/model.ts
// What it reproduces: the repo's Q-network Model class trains with network.fit; this variant moves to
// optimizer.minimize and adds "...this.network.losses" the Keras way. In TF.js that list holds no regularizer terms
// (model.calculateLosses() does), so the kernelRegularizer terms never reach the minimized loss.
import * as tf from "@tensorflow/tfjs";
import {Sequential} from "@tensorflow/tfjs";
import {StateArray} from "./state";

type QValues = tf.Tensor

const WEIGHT_DECAY = 1e-4;

export class Model {
    private readonly network: Sequential
    private readonly optimizer: tf.Optimizer

    constructor(hiddenLayerSizes: number[] = [60, 60], learningRate = 1e-3) {
        const network = tf.sequential();
        hiddenLayerSizes.forEach((hiddenLayerSize, i) => {
            network.add(tf.layers.dense({
                units: hiddenLayerSize,
                activation: 'relu',
                kernelRegularizer: tf.regularizers.l2({l2: WEIGHT_DECAY}), // expect: WD103
                // `inputShape` is required only for the first layer.
                inputShape: i === 0 ? [4] : undefined
            }));
        });
        network.add(tf.layers.dense({units: 16, kernelRegularizer: tf.regularizers.l2({l2: WEIGHT_DECAY})})); // expect: WD103

        network.summary();
        this.network = network
        this.optimizer = tf.train.adam(learningRate)
    }

    public predict(states: tf.Tensor): QValues {
        return <QValues> tf.tidy(() => this.network.predict(states.reshape([-1, 4])))
    }

    public optimize(xBatch: tf.Tensor, yBatch: QValues): number {
        const lossValue = this.optimizer.minimize(() => {
            const predicted = this.network.predict(xBatch.reshape([-1, 4])) as tf.Tensor;
            const dataLoss = tf.losses.meanSquaredError(yBatch, predicted) as tf.Scalar;
            // Keras habit: add the model's losses to the data loss
            const extraLosses = this.network.losses as unknown as tf.Scalar[];
            return tf.addN([dataLoss, ...extraLosses]) as tf.Scalar;
        }, true);
        const value = lossValue!.dataSync()[0];
        tf.dispose(lossValue!);
        return value;
    }

    public loadWeights(weights: tf.Tensor[]) {
        this.network.setWeights(weights)
    }

    public getWeights(): tf.Tensor[] {
        return this.network.getWeights()
    }

    public static fromState(state: StateArray): tf.Tensor {
        return tf.tensor2d([state], [1, 4])
    }
}
