// Idiom seen in: AndreyKrivtsov/TensorflowJS-experiments actor-critic/Agent.js
// Idiom seen in: AndreyKrivtsov/TensorflowJS-experiments actor-critic/main.js
// What it reproduces: A2C agent in tfjs-node with separate actor and critic tf.sequential models,
// kernelRegularizer l2 on their dense layers, both compiled and trained with model.fit (which adds
// the regularization terms itself). Clean.
const A2CAgent = require('./Agent');
const Environment = require('./server/Environment');

const EPISODES = 500;

async function main() {
    const env = new Environment();
    const agent = new A2CAgent(env.stateSize, env.actionSize);

    for (let e = 0; e < EPISODES; e++) {
        let state = env.reset();
        let done = false;
        let score = 0;
        while (!done) {
            const action = agent.getAction(state);
            const { nextState, reward, isDone } = env.step(action);
            await agent.trainModel(state, action, reward, nextState, isDone);
            score += reward;
            state = nextState;
            done = isDone;
        }
        console.log(`episode ${e} score ${score}`);
    }
}

main();
