// Idiom seen in: sinansonlu/tensorflow-js-tests tf-sequential-test-3.html
// What it reproduces: the cart-pole PolicyNetwork (tf.sequential built from hiddenLayerSizes), here
// warm-started by behaviour cloning of a scripted controller with optimizer.minimize; the layers carry
// kernelRegularizer l2 and the minimized loss adds tf.addN(model.calculateLosses()). Clean.
/* global tf */

const L2_RATE = 1e-3;

class PolicyNetwork {
    constructor(hiddenLayerSizes) {
        if (!Array.isArray(hiddenLayerSizes)) {
            hiddenLayerSizes = [hiddenLayerSizes];
        }
        this.policyNet = tf.sequential();
        hiddenLayerSizes.forEach((hiddenLayerSize, i) => {
            this.policyNet.add(tf.layers.dense({
                units: hiddenLayerSize,
                activation: 'elu',
                kernelRegularizer: tf.regularizers.l2({ l2: L2_RATE }),
                inputShape: i === 0 ? [4] : undefined
            }));
        });
        this.policyNet.add(tf.layers.dense({
            units: 1,
            kernelRegularizer: tf.regularizers.l2({ l2: L2_RATE })
        }));
    }

    // Expert: push the cart towards the side the pole is falling to.
    static expertAction(state) {
        const [, , theta, thetaDot] = state;
        return theta + 0.5 * thetaDot > 0 ? 1 : 0;
    }

    cloneExpert(states, optimizer, epochs) {
        const xs = tf.tensor2d(states);
        const ys = tf.tensor2d(states.map(s => [1 - PolicyNetwork.expertAction(s)]));
        for (let e = 0; e < epochs; e++) {
            const cost = optimizer.minimize(() => {
                const logits = this.policyNet.predict(xs);
                const dataLoss = tf.losses.sigmoidCrossEntropy(ys, logits);
                const regLosses = this.policyNet.calculateLosses();
                return regLosses.length ? tf.addN([dataLoss, ...regLosses]) : dataLoss;
            }, true);
            console.log(`clone epoch ${e}: ${cost.dataSync()[0].toFixed(4)}`);
            cost.dispose();
        }
        tf.dispose([xs, ys]);
    }

    getActions(inputs) {
        return tf.tidy(() => {
            const logits = this.policyNet.predict(inputs);
            const leftProb = tf.sigmoid(logits);
            const probs = tf.concat([leftProb, tf.sub(1, leftProb)], 1);
            return tf.multinomial(probs, 1, null, true).dataSync();
        });
    }
}

function randomStates(n) {
    const out = [];
    for (let i = 0; i < n; i++) {
        out.push([Math.random() - 0.5, Math.random() - 0.5, (Math.random() - 0.5) * 0.2, (Math.random() - 0.5) * 0.5]);
    }
    return out;
}

const policy = new PolicyNetwork([32, 16]);
policy.cloneExpert(randomStates(2048), tf.train.adam(0.01), 20);
