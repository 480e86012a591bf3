// Idiom seen in: ZQZCalin/Snake-DQN-web-ver js/train.js
// What it reproduces: the training loop plays episodes of the snake game, stores transitions and calls
// agent.replay(batchSize) after every step, syncing the target network every few episodes.
import { Agent } from './agentClass';
import { SnakeGame } from './snakeGameClass';
import { config } from './config';

export async function train() {
  const game = new SnakeGame(config.rows, config.cols);
  const agent = new Agent(game.stateSize, 4, config.gamma, config.epsilon, config.epsilon_decay,
    config.epsilon_min, config.learning_rate);
  for (let episode = 0; episode < config.episodes; episode++) {
    let state = game.reset();
    let done = false;
    let score = 0;
    while (!done) {
      const action = agent.act(state);
      const { nextState, reward, isDone } = game.step(action);
      agent.remember(state, action, reward, nextState, isDone);
      agent.replay(config.batch_size);
      state = nextState;
      done = isDone;
      score += reward;
    }
    if (episode % config.target_sync === 0) agent.syncTarget();
    console.log(`episode ${episode} score ${score} epsilon ${agent.epsilon.toFixed(3)}`);
  }
}
