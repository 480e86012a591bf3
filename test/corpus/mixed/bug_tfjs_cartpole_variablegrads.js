// Idiom seen in: sinansonlu/tensorflow-js-tests tf-sequential-test-2.html
// What it reproduces: the cart-pole REINFORCE PolicyNetwork: per-step gradients from tf.variableGrads,
// scaled by discounted rewards and applied with optimizer.applyGradients; the user adds l2
// kernelRegularizers to the policy layers but the function given to variableGrads returns only the
// action log-loss, so the regularizers never reach a training loss (user mistake).
/* global tf */

const L2_RATE = 5e-4;

class PolicyNetwork {
    constructor(hiddenLayerSizes) {
        this.policyNet = tf.sequential();
        hiddenLayerSizes.forEach((hiddenLayerSize, i) => {
            this.policyNet.add(tf.layers.dense({
                units: hiddenLayerSize,
                activation: 'elu',
                kernelRegularizer: tf.regularizers.l2({ l2: L2_RATE }), // expect: WD103
                inputShape: i === 0 ? [4] : undefined
            }));
        });
        this.policyNet.add(tf.layers.dense({ units: 1 }));
    }

    getGradientsAndSaveActions(inputTensor) {
        const f = () => tf.tidy(() => {
            const logits = this.policyNet.predict(inputTensor);
            const leftProb = tf.sigmoid(logits);
            const probs = tf.concat([leftProb, tf.sub(1, leftProb)], 1);
            const actions = tf.multinomial(probs, 1, null, true);
            this.currentActions_ = actions.dataSync();
            const labels = tf.sub(1, tf.tensor2d(this.currentActions_, actions.shape));
            return tf.losses.sigmoidCrossEntropy(labels, logits).asScalar();
        });
        return tf.variableGrads(f);
    }

    async train(cartPole, optimizer, discountRate, numGames, maxStepsPerGame) {
        const allGradients = [];
        const allRewards = [];
        for (let i = 0; i < numGames; ++i) {
            cartPole.setRandomState();
            const gameRewards = [];
            const gameGradients = [];
            for (let j = 0; j < maxStepsPerGame; ++j) {
                const gradients = tf.tidy(() => this.getGradientsAndSaveActions(cartPole.getStateTensor()).grads);
                gameGradients.push(gradients);
                const isDone = cartPole.update(this.currentActions_[0]);
                gameRewards.push(isDone ? 0 : 1);
                if (isDone) break;
            }
            allGradients.push(gameGradients);
            allRewards.push(gameRewards);
            await tf.nextFrame();
        }

        tf.tidy(() => {
            const normalized = discountAndNormalizeRewards(allRewards, discountRate);
            optimizer.applyGradients(scaleAndAverageGradients(allGradients, normalized));
        });
        tf.dispose(allGradients);
    }
}

function discountAndNormalizeRewards(rewardSequences, discountRate) {
    return tf.tidy(() => {
        const discounted = rewardSequences.map(rs => {
            const out = [];
            let acc = 0;
            for (let i = rs.length - 1; i >= 0; --i) {
                acc = acc * discountRate + rs[i];
                out.unshift(acc);
            }
            return tf.tensor1d(out);
        });
        const concat = tf.concat(discounted);
        const mean = tf.mean(concat);
        const std = tf.sqrt(tf.mean(tf.square(concat.sub(mean))));
        return discounted.map(r => r.sub(mean).div(std));
    });
}

function scaleAndAverageGradients(allGradients, normalizedRewards) {
    return tf.tidy(() => {
        const out = {};
        for (const name in allGradients[0][0]) {
            const perGame = allGradients.map((game, g) => tf.stack(game.map(s => s[name]))
                .mul(normalizedRewards[g].reshape([-1].concat(new Array(game[0][name].rank).fill(1)))));
            out[name] = tf.mean(tf.concat(perGame, 0), 0);
        }
        return out;
    });
}

module.exports = { PolicyNetwork };
