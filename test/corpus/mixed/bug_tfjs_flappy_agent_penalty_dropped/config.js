// Idiom seen in: MattKovtun/flappy-bird-tfjs src/Agent.js
// Idiom seen in: MattKovtun/flappy-bird-tfjs src/config.js
// What it reproduces: the repo's Agent (tf.sequential, rewards from config.js) retrained with a custom
// optimizer.minimize loss and an L2 penalty on the dense kernels (a user change; the repo calls fit):
// the penalty is computed inside the loss function and dropped, only the MSE is returned.
export default {
    world: {
        height: 400,
        width: 400,
        refreshRate: 13,
        blocksFrequency: 200,
    },
    agent: {
        saveStates: 10000,
        explorationRate: 0.005,
        learningRate: 0.01,
        l2: 1e-3,
        epochs: 3,
        batch: 64,
        numberOfEpisodesBeforeRetrain: 5,
        rewards: {
            alive: 10,
            dead: -300
        }
    }
};
