// Idiom seen in: mysticatea/tfjs-trial src/ai/agent/evaluation-model.ts
// Idiom seen in: mysticatea/tfjs-trial src/ai/training.ts
// What it reproduces: AlphaZero-style value/policy net whose conv and dense layers all carry
// kernelRegularizer l2; the repo trains it with model.fit, here the user swapped fit for a custom
// optimizer.minimize loop whose loss never adds model.calculateLosses() (user mistake).
import * as tf from "@tensorflow/tfjs"
import { defineModel, Dimension } from "./evaluation-model"

export interface TrainingData {
    state: Float32Array
    value: number
    policy: Float32Array
}

export class EvaluationTrainer {
    private model: tf.LayersModel
    private optimizer: tf.Optimizer

    constructor(private dim: Dimension, learningRate = 0.01) {
        this.model = defineModel(dim)
        this.optimizer = tf.train.momentum(learningRate, 0.9)
    }

    // model.fit() could not take the masked softmax cross entropy
    // (tfjs issue 98), so the update is written by hand.
    trainBatch(batch: TrainingData[]): number {
        const n = batch.length
        const [a, b, c] = this.dim.stateSize
        const states = new Float32Array(n * a * b * c)
        const policies = new Float32Array(n * this.dim.actionSize)
        const values = new Float32Array(n)
        batch.forEach((d, i) => {
            states.set(d.state, i * a * b * c)
            policies.set(d.policy, i * this.dim.actionSize)
            values[i] = d.value
        })

        const cost = tf.tidy(() => {
            const x = tf.tensor4d(states, [n, a, b, c])
            const yValue = tf.tensor2d(values, [n, 1])
            const yPolicy = tf.tensor2d(policies, [n, this.dim.actionSize])
            return this.optimizer.minimize(() => {
                const [vPred, pLogits] = this.model.apply(x, { training: true }) as tf.Tensor[]
                const masked = tf.where(tf.equal(yPolicy, 0), tf.fill(pLogits.shape, -100), pLogits)
                const valueLoss = tf.losses.meanSquaredError(yValue, vPred)
                const policyLoss = tf.losses.softmaxCrossEntropy(yPolicy, masked)
                return tf.add(valueLoss, policyLoss) as tf.Scalar
            }, true)
        })
        const loss = cost ? cost.dataSync()[0] : NaN
        if (cost) cost.dispose()
        return loss
    }

    async trainLoop(history: TrainingData[], loops = 20, sampleSize = 256): Promise<void> {
        for (let i = 0; i < loops; ++i) {
            const sample = history.slice().sort(() => Math.random() - 0.5).slice(0, sampleSize)
            console.log("Train %d: loss %f", i, this.trainBatch(sample))
            await tf.nextFrame()
        }
    }
}
