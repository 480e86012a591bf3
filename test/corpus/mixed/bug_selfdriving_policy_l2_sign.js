// Idiom seen in: NoxisStyle/AI_JS_experiments self_driving-car-01/reinforcement/policybased.js
// What it reproduces: the self-driving-car policy-gradient agent (8 actions, dense layers applied by hand before the
// softmax); the user adds an entropy bonus and an L2 term on the weights and subtracts both from the minimized
// REINFORCE loss, so the "L2" term rewards large weights: a negative weight decay (sign slip).

/* global tf, tfvis, g_settings */

const ENTROPY_COEF = 0.01;
const L2_COEF = 1e-4;

class PolicyBasedAgent {
    constructor() {
        this.m_inputCount = 5 * 2; // 2 concat states of 5 elts
        this.m_actionCount = 8;
        this.m_layers = [];
        this.softmaxLayer = null;
        this.m_policyOptimizer = tf.train.adam(g_settings.reinforcement.learningRate);
        this.m_model = this.createPolicyNeuralNetwork(this.m_inputCount,
                                                      g_settings.reinforcement.units,
                                                      g_settings.reinforcement.layers,
                                                      this.m_actionCount);
        this.m_surface = tfvis.visor().surface({ name: 'PolicyEntropy', tab: 'Charts' });
        this.m_entropyData = [];
    }

    createPolicyNeuralNetwork(inputCount, unitCount, layerCount, actionCount) {
        const model = tf.sequential();
        for (let i = 0; i < layerCount; i++) {
            const layerCfg = {
                units: (i < layerCount - 1) ? unitCount : actionCount,
                inputShape: [(i === 0) ? inputCount : unitCount],
                kernelInitializer: 'glorotUniform'
            };
            if (i < layerCount - 1) {
                layerCfg.activation = 'relu';
            }
            const layer = tf.layers.dense(layerCfg);
            model.add(layer);
            this.m_layers.push(layer);
        }
        this.softmaxLayer = tf.layers.softmax();
        model.add(this.softmaxLayer);
        return model;
    }

    train(states, actions, discountedRewards, miniBatchSize) {
        const datasetSize = states.shape[0];
        for (let epoch = 0; epoch < g_settings.reinforcement.epochsPerEpisode; epoch++) {
            for (let start = 0; start < datasetSize; start += miniBatchSize) {
                const size = Math.min(miniBatchSize, datasetSize - start);
                const statesSlice = states.slice(start, size);
                const actionsSlice = actions.slice(start, size);
                const rewardsSlice = discountedRewards.slice(start, size);

                // the policy score to maximize, written as a loss to minimize
                this.m_policyOptimizer.minimize(() => {
                    const logits = this.internalPredictWithoutSoftmax(statesSlice, false);
                    const pgLoss = this.internalLoss(logits, actionsSlice, rewardsSlice);
                    const entropy = this.internalPolicyEntropy(statesSlice);
                    const l2 = tf.addN(this.m_layers.map(layer => tf.sum(tf.square(layer.getWeights()[0]))));
                    return tf.sub(tf.sub(pgLoss, tf.mul(ENTROPY_COEF, entropy)), tf.mul(L2_COEF, l2)); // expect: WD302
                });

                statesSlice.dispose();
                actionsSlice.dispose();
                rewardsSlice.dispose();
            }
            this.m_entropyData.push({ x: epoch, y: this.internalPolicyEntropy(states).dataSync()[0] });
        }
        tfvis.render.linechart({ values: [this.m_entropyData], series: ['PolicyEntropy'] }, this.m_surface, {});
    }

    // -log(p) * discounted_rewards
    internalLoss(predictedAction, actions, discountedRewards) {
        return tf.tidy(() => {
            const oneHot = tf.oneHot(actions, this.m_actionCount).asType('float32');
            const negLogProb = tf.losses.softmaxCrossEntropy(oneHot, predictedAction, undefined, tf.Reduction.NONE);
            return tf.mean(tf.mul(negLogProb, discountedRewards));
        });
    }

    internalPredictWithoutSoftmax(state, useSoftmax) {
        return tf.tidy(() => {
            let data = state;
            for (const layer of this.m_layers) {
                data = layer.apply(data);
            }
            if (useSoftmax && this.softmaxLayer !== null) {
                data = this.softmaxLayer.apply(data);
            }
            return data;
        });
    }

    internalPolicyEntropy(statesSlice) {
        return tf.tidy(() => {
            const probs = this.internalPredictWithoutSoftmax(statesSlice, true);
            return tf.neg(tf.mean(tf.sum(tf.mul(tf.log(probs), probs), 1)));
        });
    }
}
