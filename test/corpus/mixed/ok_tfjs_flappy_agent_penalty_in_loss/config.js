// Idiom seen in: MattKovtun/flappy-bird-tfjs src/Agent.js
// Idiom seen in: MattKovtun/flappy-bird-tfjs src/config.js
// What it reproduces: the repo's Agent (tf.sequential, rewards from config.js) retrained with a custom
// optimizer.minimize loss: MSE plus l2 * sum of squared dense kernels, returned from the function that
// minimize differentiates (clean).
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
