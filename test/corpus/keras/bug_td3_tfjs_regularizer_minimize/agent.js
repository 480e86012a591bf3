// Idiom seen in: CloudZero2049/TD3-TensorFlowJS Find Target V0.07/TD3script.js
// What it reproduces: the TD3 Agent: compile() only to attach an optimizer, then critic and delayed actor
//   updates with model.optimizer.minimize(lossFn, weights). The losses are MSE / -Q only; the regularizers of the
//   networks in networks.js are never added (no calculateLosses()).
import * as tf from '@tensorflow/tfjs';
import { Actor, Critic } from './networks.js';
import { RBuffer } from './buffer.js';

export class Agent {
  constructor(nActions = 2, inputShapeA = 47, inputShapeC = 49, alpha = 0.0001, beta = 0.0002, gamma = 0.99, tau = 0.0005) {
    this.actor_main = new Actor(nActions, inputShapeA);
    this.actor_target = new Actor(nActions, inputShapeA);
    this.critic_main = new Critic(inputShapeC);
    this.critic_main2 = new Critic(inputShapeC);
    this.critic_target = new Critic(inputShapeC);
    this.critic_target2 = new Critic(inputShapeC);
    this.batch_size = 64;
    this.gamma = gamma;
    this.tau = tau;
    this.trainstep = 0;
    this.actor_update_steps = 2;
    this.min_action = -1;
    this.max_action = 1;
    this.memory = new RBuffer(500000, [inputShapeA], nActions);

    this.a_opt = tf.train.adam(alpha);
    this.c_opt1 = tf.train.adam(beta);
    this.c_opt2 = tf.train.adam(beta);
    this.actor_main.model.compile({ optimizer: this.a_opt, loss: tf.losses.meanSquaredError });
    this.actor_target.model.compile({ optimizer: this.a_opt, loss: tf.losses.meanSquaredError });
    this.critic_main.model.compile({ optimizer: this.c_opt1, loss: tf.losses.meanSquaredError });
    this.critic_target.model.compile({ optimizer: this.c_opt1, loss: tf.losses.meanSquaredError });
    this.critic_main2.model.compile({ optimizer: this.c_opt2, loss: tf.losses.meanSquaredError });
    this.critic_target2.model.compile({ optimizer: this.c_opt2, loss: tf.losses.meanSquaredError });
    this.updateTargets(1);
  }

  updateTargets(tau = this.tau) {
    const soft = (main, target) => {
      const w = main.model.getWeights().map((m, i) => tf.add(tf.mul(m, tau), tf.mul(target.model.getWeights()[i], 1 - tau)));
      target.model.setWeights(w);
    };
    soft(this.actor_main, this.actor_target);
    soft(this.critic_main, this.critic_target);
    soft(this.critic_main2, this.critic_target2);
  }

  train() {
    if (this.memory.cntr < this.batch_size) return;
    tf.tidy(() => {
      const [states, nextStates, rewards, actions, dones] = this.memory.sample(this.batch_size);
      const statesT = tf.tensor2d(states);
      const nextStatesT = tf.tensor2d(nextStates);
      const rewardsT = tf.tensor1d(rewards);
      const actionsT = tf.tensor2d(actions);
      const donesT = tf.tensor1d(dones);

      const target = () => {
        const targetActions = this.actor_target.call(nextStatesT, this.batch_size);
        const noisy = tf.add(targetActions, tf.clipByValue(tf.randomNormal(targetActions.shape, 0.0, 0.2), -0.5, 0.5));
        const clipped = tf.clipByValue(noisy, this.min_action, this.max_action);
        const q1 = this.critic_target.call(nextStatesT, clipped, this.batch_size).squeeze([1]);
        const q2 = this.critic_target2.call(nextStatesT, clipped, this.batch_size).squeeze([1]);
        return tf.add(rewardsT, tf.mul(tf.scalar(this.gamma), tf.mul(tf.minimum(q1, q2), donesT)));
      };

      const lossFunction1 = () => {
        const criticValue1 = this.critic_main.call(statesT, actionsT, this.batch_size).squeeze([1]);
        return tf.losses.meanSquaredError(criticValue1, target());
      };
      const lossFunction2 = () => {
        const criticValue2 = this.critic_main2.call(statesT, actionsT, this.batch_size).squeeze([1]);
        return tf.losses.meanSquaredError(criticValue2, target());
      };

      this.critic_main.model.optimizer.minimize(lossFunction1, false, this.critic_main.model.trainableWeights.map(w => w.val));
      this.critic_main2.model.optimizer.minimize(lossFunction2, false, this.critic_main2.model.trainableWeights.map(w => w.val));
      this.trainstep += 1;

      if (this.trainstep % this.actor_update_steps === 0) {
        const lossFunction3 = () => {
          const actorCall = this.actor_main.call(statesT, this.batch_size);
          return tf.mean(this.critic_main.call(statesT, actorCall, this.batch_size).neg());
        };
        this.actor_main.model.optimizer.minimize(lossFunction3, false, this.actor_main.model.trainableWeights.map(w => w.val));
        this.updateTargets();
      }
    });
  }
}
