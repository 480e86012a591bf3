// Idiom seen in: thibo73800/metacar demo/webapp/public/js/ddpg/ddpg_agent.js
// What it reproduces: metacar's DDPG agent wrapper that configures and drives the critic updates (critic L2
//   1e-2 as in the DDPG paper); the regularizer terms are lost in ddpg.ts's loss.
import {DDPG} from './ddpg';
import {DDPGConfig} from './models';
import {ReplayBuffer} from './memory';

export class DDPGAgent {
  ddpg: DDPG;
  memory: ReplayBuffer;
  config: DDPGConfig;

  constructor(stateSize: number, nbActions: number) {
    this.config = {
      stateSize,
      nbActions,
      criticFirstLayerSSize: 64,
      criticFirstLayerASize: 64,
      criticSecondLayerSize: 32,
      criticL2: 1e-2,
      seed: 0,
      tau: 0.008,
      gamma: 0.99,
      actorLr: 1e-4,
      criticLr: 1e-3,
      batchSize: 128,
    };
    this.memory = new ReplayBuffer(30000);
    this.ddpg = new DDPG(this.config);
  }

  optimize(nbTrainSteps: number): number[] {
    const losses: number[] = [];
    for (let t = 0; t < nbTrainSteps; t++) {
      const batch = this.memory.popBatch(this.config.batchSize);
      losses.push(this.ddpg.optimizeCritic(batch));
    }
    return losses;
  }
}
