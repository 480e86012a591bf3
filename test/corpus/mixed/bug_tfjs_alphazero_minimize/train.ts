// Idiom seen in: morozig/abstract-strategy-games src/games/xos/model.ts, src/train.ts
// What it reproduces: the game model that turns self-play histories into (board planes, policy, reward)
//   pairs and calls network.fit for each generation, then saves the network.
import Network from './network';
import { playSelfGames, GameHistory } from './selfplay';

const height = 3;
const width = 3;
const depth = 3;
const generations = 20;
const gamesPerGeneration = 200;

const toPairs = (histories: GameHistory[]) => {
    const inputs: number[][][][] = [];
    const outputs: [number[], number][] = [];
    for (const history of histories) {
        history.steps.forEach((step, i) => {
            inputs.push(step.planes);
            outputs.push([step.policy, history.rewards[i % 2]]);
        });
    }
    return { inputs, outputs };
};

const run = async () => {
    const network = new Network({ height, width, depth });
    for (let generation = 1; generation <= generations; generation++) {
        const histories = await playSelfGames(network, gamesPerGeneration);
        const { inputs, outputs } = toPairs(histories);
        console.log(`generation ${generation}: training data length ${inputs.length}`);
        const loss = await network.fit(inputs, outputs);
        console.log(`generation ${generation}: final loss ${loss}`);
        await network.save(`file://./models/xos/gen-${generation}`);
    }
};

run();
