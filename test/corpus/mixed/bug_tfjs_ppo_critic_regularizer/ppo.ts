// Idiom seen in: KristoferSundequist/KristoferSundequist.github.io src/ppo/ppo.ts (optimizer_pi / optimizer_vf,
//   ppo(): two optimizer.minimize closures per minibatch)
// What it reproduces: module-level Adam optimizers and models, rollouts from a game module this folder lacks,
//   and the PPO update: the policy closure returns the clipped surrogate minus entropy, the value closure
//   returns the clipped value loss from critic.predict(...). Neither closure adds the critic's
//   regularization losses, so its kernelRegularizer never reaches the gradient.
// label-note: no label here; the WD103 is placed on the regularizer argument in model.ts.
import * as tf from '@tensorflow/tfjs';
import {Game} from './games/simple_game/Game'; // not part of this program
import {getActor, getCritic} from './model';

export const optimizerPi = tf.train.adam(0.0003, 0.9, 0.999, 1e-5);
export const optimizerVf = tf.train.adam(0.001, 0.9, 0.999, 1e-5);
export const actor = getActor(Game.actionSpaceSize, Game.stateSpaceSize);
export const critic = getCritic(Game.stateSpaceSize);

function gatherTaken(probs: tf.Tensor, actions: tf.Tensor): tf.Tensor {
    return tf.tidy(() => probs.mul(tf.oneHot(actions.toInt(), probs.shape[1]).toFloat()).sum(1));
}

function normalize(t: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
        const centered = t.sub(t.mean());
        return centered.div(centered.square().mean().sqrt().add(1e-8));
    });
}

export function ppo(states: tf.Tensor, actionProbs: tf.Tensor, actions: tf.Tensor, values: tf.Tensor,
                    returns: tf.Tensor, epochs: number, beta: number, epsilon: number, batchSize: number) {
    tf.tidy(() => {
        const advantages = normalize(returns.sub(values));
        const oldTaken = gatherTaken(actionProbs, actions);
        for (let i = 0; i < epochs; i++) {
            const idx = tf.randomUniform([batchSize], 0, states.shape[0], 'int32');
            const s = states.gather(idx);
            const a = actions.gather(idx);
            const adv = advantages.gather(idx);
            const ret = returns.gather(idx);
            const oldV = values.gather(idx);
            const oldP = oldTaken.gather(idx);

            optimizerPi.minimize(() => {
                const probs = actor.predict(s) as tf.Tensor;
                const entropy = probs.mul(probs.add(1e-8).log()).sum(1).neg().mean().mul(beta);
                const ratio = gatherTaken(probs, a).div(oldP);
                const surr = tf.minimum(ratio.mul(adv), tf.clipByValue(ratio, 1 - epsilon, 1 + epsilon).mul(adv));
                return surr.mean().neg().sub(entropy) as tf.Scalar;
            });

            optimizerVf.minimize(() => {
                const v = (critic.predict(s) as tf.Tensor).squeeze();
                const clipped = oldV.add(tf.clipByValue(v.sub(oldV), -epsilon, epsilon));
                const vLoss = tf.maximum(v.sub(ret).square(), clipped.sub(ret).square());
                return vLoss.mean().mul(0.5) as tf.Scalar;
            });
        }
    });
}
