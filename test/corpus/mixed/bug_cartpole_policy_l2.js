// Idiom seen in: NoxisStyle/AI_JS_experiments cart-pole/reinforcement/policybased.js
// What it reproduces: a browser policy-gradient agent (global tf, settings object) whose dense layers get an L2
// kernelRegularizer from the settings page; the model is compiled but trained with optimizer.minimize on the
// hand-written REINFORCE loss, which never adds the layers' regularization terms: the decay is dead (user change).

/* global tf, tfvis, g_settings */

class PolicyBasedAgent {
    constructor() {
        this.m_inputCount = 4;
        this.m_actionCount = 2;
        this.m_layers = [];
        this.softmaxLayer = null;
        this.m_policyOptimizer = tf.train.adam(g_settings.reinforcement.learningRate);

        this.m_model = this.createPolicyNeuralNetwork(this.m_inputCount,
                                                      g_settings.reinforcement.units,
                                                      g_settings.reinforcement.layers,
                                                      this.m_actionCount);
        this.m_surface = tfvis.visor().surface({ name: 'PolicyEntropy', tab: 'Charts' });
        this.m_history = [];
    }

    discountAndNormalizeRewards(rewards) {
        let discounted = [];
        let cumulative = 0.0;
        for (let t = rewards.length - 1; t >= 0; t--) {
            cumulative = rewards[t] + g_settings.reinforcement.gammaDiscountRate * cumulative;
            discounted.push(cumulative);
        }
        discounted = discounted.reverse();
        const mean = discounted.reduce((a, b) => a + b, 0) / discounted.length;
        const std = Math.sqrt(discounted.map(v => (v - mean) * (v - mean)).reduce((a, b) => a + b, 0) / discounted.length) + 1e-10;
        return discounted.map(v => (v - mean) / std);
    }

    createPolicyNeuralNetwork(inputCount, unitCount, layerCount, actionCount) {
        const model = tf.sequential();
        for (let i = 0; i < layerCount; i++) {
            const layerCfg = {
                units: (i < layerCount - 1) ? unitCount : actionCount,
                inputShape: [(i === 0) ? inputCount : unitCount],
                kernelInitializer: 'glorotUniform',
                kernelRegularizer: tf.regularizers.l2({ l2: g_settings.reinforcement.l2 }) // expect: WD103
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

        // compiled only so that model.save()/summary() work; training goes through minimize() below
        model.compile({ loss: 'meanSquaredError', optimizer: this.m_policyOptimizer });
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

                this.m_policyOptimizer.minimize(() => {
                    const logits = this.predictLogits(statesSlice);
                    return this.internalLoss(logits, actionsSlice, rewardsSlice);
                });

                statesSlice.dispose();
                actionsSlice.dispose();
                rewardsSlice.dispose();
            }
        }
    }

    // -log(p(a|s)) weighted by the normalized discounted reward
    internalLoss(logits, actions, discountedRewards) {
        return tf.tidy(() => {
            const oneHot = tf.oneHot(actions, this.m_actionCount).asType('float32');
            const negLogProb = tf.losses.softmaxCrossEntropy(oneHot, logits, undefined, tf.Reduction.NONE);
            return tf.mean(tf.mul(negLogProb, discountedRewards));
        });
    }

    // model.predict() would apply the softmax layer, so run the dense layers by hand
    predictLogits(state) {
        return tf.tidy(() => {
            let data = state;
            for (const layer of this.m_layers) {
                data = layer.apply(data);
            }
            return data;
        });
    }

    chooseAction(state) {
        return tf.tidy(() => {
            const probs = this.softmaxLayer.apply(this.predictLogits(state)).dataSync();
            let rnd = Math.random();
            return probs.findIndex(p => (rnd -= p) < 0);
        });
    }
}
