// Idiom seen in: MattKovtun/flappy-bird-tfjs src/Agent.js
// Idiom seen in: MattKovtun/flappy-bird-tfjs src/config.js
// What it reproduces: the repo's Agent (tf.sequential, rewards from config.js) retrained with a custom
// optimizer.minimize loss: MSE plus l2 * sum of squared dense kernels, returned from the function that
// minimize differentiates (clean).
import * as tf from '@tensorflow/tfjs';
import {getRandomInt} from "./utils";
import config from "./config";

class Agent {
    constructor() {
        this.inputShapeLength = 3;
        this.history = [];
        this.losses = [];

        this.explorationRate = config.agent.explorationRate;
        this.saveStates = config.agent.saveStates;
        this.epochs = config.agent.epochs;
        this.l2 = config.agent.l2;
        this.numberOfEpisodesBeforeRetrain = config.agent.numberOfEpisodesBeforeRetrain;

        this.initModel();
    }

    initModel() {
        this.model = tf.sequential();
        this.model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [this.inputShapeLength]}));
        this.model.add(tf.layers.dense({units: 16, activation: 'relu'}));
        this.model.add(tf.layers.dense({units: 2}));
        this.optimizer = tf.train.adam(config.agent.learningRate);
    }

    modelPredict(input) {
        return tf.tidy(() => {
            const prediction = this.model.predict(tf.tensor2d(input, [1, this.inputShapeLength]));
            return {action: prediction.argMax(1).dataSync()[0], predictedReward: prediction.max(1).dataSync()[0]};
        });
    }

    retrainModel(numOfEpisodes) {
        if (this.history.length >= this.saveStates)
            this.history = this.history.slice(1000);
        if (numOfEpisodes % this.numberOfEpisodesBeforeRetrain !== 0) return;

        const xsArr = [];
        const ysArr = [];
        for (const element of this.history) {
            xsArr.push(element.state);
            const y = [0, 0];
            y[element.action] = element.reward;
            ysArr.push(y);
        }
        const xs = tf.tensor2d(xsArr, [xsArr.length, this.inputShapeLength]);
        const ys = tf.tensor2d(ysArr, [ysArr.length, 2]);
        const kernels = this.model.layers.map(layer => layer.getWeights()[0]);

        for (let epoch = 0; epoch < this.epochs; epoch++) {
            const loss = this.optimizer.minimize(() => {
                const pred = this.model.predict(xs);
                const mse = pred.sub(ys).square().mean();
                const penalty = tf.mul(this.l2, tf.addN(kernels.map(k => tf.sum(tf.square(k)))));
                return mse.add(penalty);
            }, true);
            this.losses.push(Math.round(loss.dataSync()[0]));
            loss.dispose();
        }
        tf.dispose([xs, ys]);
    }

    getActionReward(state, score) {
        if (score <= 10 && Math.random() <= this.explorationRate)
            return {action: getRandomInt(2), predictedReward: -1};
        return this.modelPredict(state);
    }
}

export default Agent;
