// Idiom seen in: KristoferSundequist/KristoferSundequist.github.io src/ppo/ppo.ts, src/ppo/model.ts
// What it reproduces: the same browser PPO update (two Adam optimizers, optimizer.minimize closures), with
//   the critic's L2 written by hand: the value closure adds VALUE_L2 * sum of squares of the critic's
//   kernels (trainableWeights whose name ends in 'kernel', read() gives the live variables), so the
//   penalty is part of what optimizerVf minimizes. No layer carries a kernelRegularizer.
// label-note: clean program: the explicit penalty is inside the minimized closure (not discarded); there is
//   no layer regularizer to be left out; the Adam optimizers have no decay of their own.
import * as tf from '@tensorflow/tfjs';
import {rollout} from './env/rollout'; // not part of this program

const VALUE_L2 = 1e-3;
const optimizerPi = tf.train.adam(0.0003);
const optimizerVf = tf.train.adam(0.001);

function mlp(inputSize: number, outUnits: number, outActivation: 'softmax' | 'linear'): tf.LayersModel {
    return tf.sequential({
        layers: [
            tf.layers.dense({inputShape: [inputSize], units: 256, activation: 'relu'}),
            tf.layers.dense({units: 256, activation: 'relu'}),
            tf.layers.dense({units: outUnits, activation: outActivation}),
        ],
    });
}

const actor = mlp(8, 4, 'softmax');
const critic = mlp(8, 1, 'linear');

function kernelL2(model: tf.LayersModel): tf.Scalar {
    const kernels = model.trainableWeights.filter(w => w.name.endsWith('kernel')).map(w => w.read());
    return tf.addN(kernels.map(k => k.square().sum())) as tf.Scalar;
}

export async function trainIteration(epochs: number, epsilon: number, batchSize: number) {
    const {states, actions, oldProbs, returns, advantages} = await rollout(actor, critic, 4096);
    for (let i = 0; i < epochs; i++) {
        tf.tidy(() => {
            const idx = tf.randomUniform([batchSize], 0, states.shape[0], 'int32');
            const s = states.gather(idx);
            const a = tf.oneHot(actions.gather(idx).toInt(), 4).toFloat();
            const adv = advantages.gather(idx);
            const ret = returns.gather(idx);
            const oldP = oldProbs.gather(idx);

            optimizerPi.minimize(() => {
                const ratio = (actor.predict(s) as tf.Tensor).mul(a).sum(1).div(oldP);
                const clipped = tf.clipByValue(ratio, 1 - epsilon, 1 + epsilon);
                return tf.minimum(ratio.mul(adv), clipped.mul(adv)).mean().neg() as tf.Scalar;
            });

            optimizerVf.minimize(() => {
                const v = (critic.predict(s) as tf.Tensor).squeeze();
                const valueLoss = v.sub(ret).square().mean().mul(0.5);
                return valueLoss.add(kernelL2(critic).mul(VALUE_L2)) as tf.Scalar;
            });
        });
    }
}
