// Idiom seen in: KristoferSundequist/KristoferSundequist.github.io src/ppo/model.ts (getActor, getCritic)
// What it reproduces: the actor/critic factories of a browser PPO agent, with the critic's hidden layers
//   built by a small helper that gives them an L2 kernel regularizer ("L2 on the value net", as in the
//   Python baselines that compile their critic). The models are never compiled: ppo.ts trains them with
//   optimizer.minimize over hand-written losses.
// label-note: WD103 on the kernelRegularizer line of the helper (the only place the regularizer is
//   written; both hidden critic layers get it through the helper). The actor has no regularizer.
import * as tf from '@tensorflow/tfjs';

export const CRITIC_L2 = 1e-3;

function hidden(units: number, inputShape?: number[]): tf.layers.Layer {
    return tf.layers.dense({
        inputShape,
        units,
        kernelInitializer: 'orthogonal',
        activation: 'relu',
        kernelRegularizer: tf.regularizers.l2({l2: CRITIC_L2}), // expect: WD103
    });
}

export function getActor(numActions: number, stateSize: number): tf.LayersModel {
    return tf.sequential({
        layers: [
            tf.layers.dense({inputShape: [stateSize], units: 300, kernelInitializer: 'orthogonal', activation: 'relu'}),
            tf.layers.dense({units: 300, kernelInitializer: 'orthogonal', activation: 'relu'}),
            tf.layers.dense({units: numActions, kernelInitializer: 'orthogonal', activation: 'softmax'}),
        ],
    });
}

export function getCritic(stateSize: number): tf.LayersModel {
    return tf.sequential({
        layers: [
            hidden(300, [stateSize]),
            hidden(300),
            tf.layers.dense({units: 1, kernelInitializer: 'orthogonal', activation: 'linear'}),
        ],
    });
}
