// Idiom seen in: freire-guido/learnball network.js
// Idiom seen in: freire-guido/learnball index.js
// What it reproduces: the browser football agent's PolicyNetwork, trained by hand with
//   tf.variableGrads(f) + optimizer.applyGradients. Realistic user mistake (the repo had no
//   regularizers): kernelRegularizer is added to the dense layers as if the model were fit(), but the
//   loss f() returns only the cross entropy, never model.calculateLosses(), so the L2 terms are not
//   differentiated (WD103 on each kernelRegularizer).
import * as tf from '@tensorflow/tfjs';

const L2 = 1e-3;

export class PolicyNetwork {
    constructor(hiddenLayerSizes, optimizer) {
        this.gradients = {};
        this.rewards = [];
        this.optimizer = optimizer;
        this.policyNet = tf.sequential();
        hiddenLayerSizes.forEach((hiddenLayerSize, i) => {
            this.policyNet.add(tf.layers.dense({
                units: hiddenLayerSize,
                activation: 'relu',
                kernelRegularizer: tf.regularizers.l2({ l2: L2 }), // expect: WD103
                inputShape: i === 0 ? [6] : undefined
            }));
        });
        this.policyNet.add(tf.layers.dense({ units: 2, kernelRegularizer: tf.regularizers.l2({ l2: L2 }) })); // expect: WD103
    }

    getGradientsAndSaveActions(inputTensor) {
        const f = () => tf.tidy(() => {
            const logits = this.policyNet.predict(inputTensor.expandDims(0)).reshape([2, 1]);
            const sig = tf.sigmoid(logits);
            const probs = tf.concat([sig, tf.sub(1, sig)], 1);
            const actions = tf.multinomial(tf.log(probs), 1, null, true);
            this.actions = actions.dataSync();
            const labels = tf.sub(1, tf.tensor2d(this.actions, actions.shape));
            return tf.losses.sigmoidCrossEntropy(labels, logits).asScalar();
        });
        return tf.variableGrads(f);
    }

    applyGradients() {
        tf.tidy(() => {
            const discountedRewards = this.discountAndNormalizeRewards(this.rewards);
            this.optimizer.applyGradients(this.scaleAndAverageGradients(this.gradients, discountedRewards));
        });
        this.gradients = {};
        this.rewards = [];
    }

    discountAndNormalizeRewards(rewardSequences, discountRate = 0.95) {
        return tf.tidy(() => {
            const discounted = rewardSequences.map((rewards) => {
                const out = [];
                let acc = 0;
                for (let i = rewards.length - 1; i >= 0; --i) {
                    acc = acc * discountRate + rewards[i];
                    out.unshift(acc);
                }
                return tf.tensor1d(out);
            });
            const concat = tf.concat(discounted);
            const mean = tf.mean(concat);
            const std = tf.sqrt(tf.mean(tf.square(concat.sub(mean))));
            return discounted.map((rs) => rs.sub(mean).div(std.add(1e-6)));
        });
    }

    scaleAndAverageGradients(allGradients, normalizedRewards) {
        return tf.tidy(() => {
            const gradients = {};
            for (const varName in allGradients) {
                gradients[varName] = tf.tidy(() => {
                    const varGradients = allGradients[varName].map(
                        (varGameGradients) => tf.stack(varGameGradients));
                    const expandedDims = [];
                    for (let i = 0; i < varGradients[0].rank - 1; ++i) {
                        expandedDims.push(1);
                    }
                    const reshapedNormalizedRewards = normalizedRewards.map(
                        (rs) => rs.reshape(rs.shape.concat(expandedDims)));
                    for (let g = 0; g < varGradients.length; ++g) {
                        varGradients[g] = varGradients[g].mul(reshapedNormalizedRewards[g]);
                    }
                    return tf.mean(tf.concat(varGradients, 0), 0);
                });
            }
            return gradients;
        });
    }
}
