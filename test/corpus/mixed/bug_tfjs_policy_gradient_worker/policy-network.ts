// Idiom seen in: brandosha/browser-rl src/PolicyNetwork.js
// What it reproduces: a PolicyNetwork class that receives an uncompiled LayersModel and an optimizer,
//   records per-step gradients with optimizer.computeGradients(() => ...).grads and later averages the
//   reward-scaled gradients into one optimizer.applyGradients call. The differentiated value is the
//   chosen action's probability only; model.calculateLosses() is never added.
import * as tf from '@tensorflow/tfjs'

export interface StepData {
    gradients: tf.NamedTensorMap
    reward: number
    action: number
    actionProbability: number
    state: tf.Tensor
}

export type ActionRewardFn = (action: number, state: tf.Tensor) => number
export type GradScaleFn = (step: StepData) => tf.NamedTensorMap

export class PolicyNetwork {
    steps: StepData[] = []

    constructor(private model: tf.LayersModel, private optimizer: tf.Optimizer) {}

    step(state: tf.Tensor, rewardFn: ActionRewardFn): void {
        let action = 0
        let actionProbability = 0
        const gradients = tf.tidy(() => {
            const stateBatch = state.reshape([1, ...state.shape])
            return this.optimizer.computeGradients(() => {
                const out = (this.model.predict(stateBatch) as tf.Tensor).squeeze()
                const probabilities = out.dataSync()
                let rand = Math.random()
                probabilities.some((prob, index) => {
                    action = index
                    actionProbability = prob
                    return (rand -= prob) <= 0
                })
                const actionOneHot = tf.oneHot(action, probabilities.length)
                return out.mul(actionOneHot).sum() as tf.Scalar
            }).grads
        })
        this.steps.push({ state, action, actionProbability, reward: rewardFn(action, state), gradients })
    }

    discountRewards(discountRate: number): void {
        let next = 0
        for (let i = this.steps.length - 1; i >= 0; i--) {
            this.steps[i].reward += next * discountRate
            next = this.steps[i].reward
        }
    }

    scaleAndApplyGradients(scaleFn: GradScaleFn): void {
        tf.tidy(() => {
            const allGradients: { [name: string]: tf.Tensor[] } = {}
            for (const step of this.steps) {
                const scaled = scaleFn(step)
                tf.dispose(step.gradients)
                step.state.dispose()
                for (const name in scaled) {
                    ;(allGradients[name] = allGradients[name] || []).push(scaled[name])
                }
            }
            const avgGradients: tf.NamedTensorMap = {}
            for (const name in allGradients) {
                // gradient ascent on the probability of rewarded actions
                avgGradients[name] = tf.stack(allGradients[name]).mean(0).mul(-1)
            }
            this.optimizer.applyGradients(avgGradients)
            this.steps = []
        })
    }
}
