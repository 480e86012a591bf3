// Idiom seen in: brandosha/browser-rl src/rl-worker.js
// What it reproduces: the worker entry point: build the policy model through the factory (with l2 set),
//   wrap it with an Adam optimizer in PolicyNetwork and train on an environment module this program does
//   not contain, scaling each step's gradients by its standardized reward.
import * as tf from '@tensorflow/tfjs'
import { createPolicyModel } from './models'
import { PolicyNetwork, StepData } from './policy-network'
import { GridGame } from './grid-game'

const EPISODES = 300
const STEPS_PER_EPISODE = 50
const DISCOUNT = 0.95

const game = new GridGame({ size: 5 })
const model = createPolicyModel({
    numInputs: game.stateSize,
    numActions: game.numActions,
    hiddenUnits: [64, 32],
    l2: 1e-3,
})
const policy = new PolicyNetwork(model, tf.train.adam(0.01))

function standardize(steps: StepData[]): void {
    const rewards = steps.map((s) => s.reward)
    const mean = rewards.reduce((a, b) => a + b, 0) / rewards.length
    const std = Math.sqrt(rewards.reduce((a, r) => a + (r - mean) ** 2, 0) / rewards.length) || 1
    steps.forEach((s) => (s.reward = (s.reward - mean) / std))
}

const history: number[] = []
for (let episode = 0; episode < EPISODES; episode++) {
    game.reset()
    let total = 0
    for (let t = 0; t < STEPS_PER_EPISODE && !game.done; t++) {
        policy.step(game.stateTensor(), (action) => {
            const reward = game.act(action)
            total += reward
            return reward
        })
    }
    policy.discountRewards(DISCOUNT)
    standardize(policy.steps)
    policy.scaleAndApplyGradients((step) => {
        const scaled: tf.NamedTensorMap = {}
        for (const name in step.gradients) {
            scaled[name] = step.gradients[name].mul(step.reward).div(step.actionProbability)
        }
        return scaled
    })
    history.push(total)
    if (episode % 20 === 0) console.log(`episode ${episode}: reward ${total.toFixed(2)}`)
}
