// Idiom seen in: jamro/neuraltank src/agent/net/ActorNetwork.js
// Idiom seen in: jamro/neuraltank src/agent/net/CriticNetwork.js
// Idiom seen in: jamro/neuraltank src/agent/net/DualActorNetwork.js
// What it reproduces: L2 kernel regularizers added to both tank-AI networks; the critic is trained with
//   net.fit (terms included), but the PPO actor is trained with optimizer.minimize(f) whose loss never adds
//   this.net.calculateLosses(), so the actor regularizers do nothing (user change in the repo idiom).
import * as tf from '@tensorflow/tfjs';

export const L2_REG = 1e-4;

export default class PersistentNetwork extends EventTarget {
  constructor(inputCount = 1, outputCount = 1, learningRate = 0.001, name = 'net') {
    super();
    this.inputCount = inputCount;
    this.outputCount = outputCount;
    this.learningRate = learningRate;
    this.name = name;
    this.net = null;
  }

  async save() {
    await this.net.save('indexeddb://' + this.name);
  }

  async restore() {
    try {
      this.net = await tf.loadLayersModel('indexeddb://' + this.name);
      return true;
    } catch (err) {
      return false;
    }
  }
}
