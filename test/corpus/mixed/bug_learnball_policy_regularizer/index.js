// Idiom seen in: freire-guido/learnball index.js
// Idiom seen in: freire-guido/learnball network.js
// What it reproduces: the training driver: per-step gradients from getGradientsAndSaveActions are
//   collected per game and applied once per game; the regularizer problem is in network.js.
import * as tf from '@tensorflow/tfjs';
import { Football } from './football.js';
import { PolicyNetwork } from './network.js';

function train() {
    const numGames = 50;
    const policyNet = new PolicyNetwork([8, 5, 4], tf.train.adam(0.05));
    const football = new Football(0.005, 2);
    for (let i = 0; i < numGames; i++) {
        const rewards = playGame(policyNet, football);
        console.log(`game ${i}: ${rewards.length} steps`);
    }
}

function playGame(policyNet, football) {
    football.setRandomState();
    const gameRewards = [];
    const gameGradients = {};
    const maxStepsPerGame = 10000;
    for (let t = 0; t < maxStepsPerGame; t++) {
        const gradients = policyNet.getGradientsAndSaveActions(football.getStateTensor(0));
        pushGradients(gameGradients, gradients.grads);
        const actions = tf.tensor2d(policyNet.actions, [2, 1]);
        const isDone = football.update(actions);
        if (isDone) {
            gameRewards.push(0);
            break;
        } else {
            gameRewards.push(-1);
        }
    }
    pushGradients(policyNet.gradients, gameGradients);
    policyNet.rewards.push(gameRewards);
    policyNet.applyGradients();
    return gameRewards;

    function pushGradients(record, gradients) {
        for (const key in gradients) {
            if (key in record) {
                record[key].push(gradients[key]);
            } else {
                record[key] = [gradients[key]];
            }
        }
    }
}

train();
