// Idiom seen in: AndreyKrivtsov/TensorflowJS-experiments actor-critic/Agent.js
// Idiom seen in: AndreyKrivtsov/TensorflowJS-experiments actor-critic/main.js
// What it reproduces: A2C agent in tfjs-node with separate actor and critic tf.sequential models,
// kernelRegularizer l2 on their dense layers, both compiled and trained with model.fit (which adds
// the regularization terms itself). Clean.
const tf = require('@tensorflow/tfjs-node');

const L2 = 1e-4;

class A2CAgent {
    constructor(stateSize, actionSize) {
        this.stateSize = stateSize;
        this.actionSize = actionSize;
        this.discountFactor = 0.99;
        this.actorLr = 0.001;
        this.criticLr = 0.005;
        this.actor = this.buildActor();
        this.critic = this.buildCritic();
    }

    buildActor() {
        const model = tf.sequential();
        model.add(tf.layers.dense({
            units: 24,
            activation: 'relu',
            kernelInitializer: 'glorotUniform',
            kernelRegularizer: tf.regularizers.l2({ l2: L2 }),
            inputShape: [this.stateSize],
        }));
        model.add(tf.layers.dense({
            units: this.actionSize,
            activation: 'softmax',
            kernelRegularizer: tf.regularizers.l2({ l2: L2 }),
        }));
        model.compile({ optimizer: tf.train.adam(this.actorLr), loss: 'categoricalCrossentropy' });
        return model;
    }

    buildCritic() {
        const model = tf.sequential();
        model.add(tf.layers.dense({
            units: 24,
            activation: 'relu',
            kernelRegularizer: tf.regularizers.l2({ l2: L2 }),
            inputShape: [this.stateSize],
        }));
        model.add(tf.layers.dense({ units: 1, activation: 'linear' }));
        model.compile({ optimizer: tf.train.adam(this.criticLr), loss: 'meanSquaredError' });
        return model;
    }

    getAction(state) {
        const policy = tf.tidy(() => this.actor.predict(tf.tensor2d([state])).dataSync());
        let r = Math.random();
        for (let i = 0; i < policy.length; i++) {
            r -= policy[i];
            if (r <= 0) return i;
        }
        return policy.length - 1;
    }

    async trainModel(state, action, reward, nextState, done) {
        const s = tf.tensor2d([state]);
        const value = tf.tidy(() => this.critic.predict(s).dataSync()[0]);
        const nextValue = tf.tidy(() => this.critic.predict(tf.tensor2d([nextState])).dataSync()[0]);
        const target = done ? reward : reward + this.discountFactor * nextValue;
        const advantages = new Array(this.actionSize).fill(0);
        advantages[action] = target - value;

        await this.actor.fit(s, tf.tensor2d([advantages]), { epochs: 1, verbose: 0 });
        await this.critic.fit(s, tf.tensor2d([[target]]), { epochs: 1, verbose: 0 });
        s.dispose();
    }
}

module.exports = A2CAgent;
