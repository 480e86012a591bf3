// Idiom seen in: 0xtceb/deeptactoe agent.ts
// What it reproduces: the DQN agent's trainOnReplayBatch: loss = MSE(targetQs, qs) differentiated with
// tf.variableGrads and applied with optimizer.applyGradients; the layers' L2 regularizers (dqn.ts) are left out.
import * as tf from '@tensorflow/tfjs-node';
import { GameEngine, Memory } from './GameEngine';
import { DeepQNetwork } from './dqn';
import { ReplayMemory } from './replayMemory';

export class Agent {
    onlineNetwork = new DeepQNetwork().model;
    targetNetwork = new DeepQNetwork(false).model;
    replayMemory: ReplayMemory;
    game: GameEngine;
    gamma: number;
    batchSize: number;
    maxGames: number;
    gameCount = 0;
    currentLoss = 0;

    constructor(gamma: number, maxGames: number, memorySize: number, batchSize: number) {
        this.gamma = gamma;
        this.maxGames = maxGames;
        this.batchSize = batchSize;
        this.replayMemory = new ReplayMemory(memorySize);
        this.game = new GameEngine();
    }

    train() {
        const optimizer = tf.train.adam(0.001);
        while (this.gameCount < this.maxGames) {
            this.trainOnReplayBatch(this.batchSize, optimizer);
            const memory: Memory = this.game.playRandomStep(this.onlineNetwork);
            this.replayMemory.append(memory);
            if (memory.doneFlag) {
                this.gameCount++;
            }
            if (this.gameCount % 1000 === 0) {
                DeepQNetwork.copyWeights(this.targetNetwork, this.onlineNetwork);
            }
        }
        this.onlineNetwork.save('file://./model');
    }

    trainOnReplayBatch(batchSize: number, optimizer: tf.Optimizer) {
        const batch = this.replayMemory.sample(batchSize);

        const lossFunction = () => tf.tidy(() => {
            const stateTensor = this.game.stateToTensor(batch.map(example => example.state));
            const actionTensor = tf.tensor1d(batch.map(example => example.action), 'int32');
            const qs = (this.onlineNetwork.apply(stateTensor, { training: true }) as tf.Tensor)
                .mul(tf.oneHot(actionTensor, 9)).sum(-1);
            const rewardTensor = tf.tensor1d(batch.map(example => example.reward));
            const nextStateTensor = this.game.stateToTensor(batch.map(example => example.nextState));
            const nextMaxQ = (this.targetNetwork.predict(nextStateTensor) as tf.Tensor).max(-1);
            const doneMask = tf.scalar(1).sub(tf.tensor1d(batch.map(example => example.doneFlag)).asType('float32'));
            const targetQs = rewardTensor.add(nextMaxQ.mul(doneMask).mul(this.gamma));
            const loss = tf.losses.meanSquaredError(targetQs, qs) as tf.Scalar;
            this.currentLoss = loss.dataSync()[0];
            return loss;
        });

        const grads = tf.variableGrads(lossFunction);
        optimizer.applyGradients(grads.grads);
        tf.dispose(grads);
    }
}
