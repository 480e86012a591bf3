// Idiom seen in: willclarktech/ts-rl src/agents/dqn.ts
// What it reproduces: the DQN agent minimises the TD error with optimizer.minimize(() => ...); the loss is
// tf.losses.meanSquaredError only, so the l2 kernel regularizers of createNetwork never reach it (labelled in util.ts).
import * as tf from "@tensorflow/tfjs-node";

import { createNetwork } from "./util";

export interface Transition {
	readonly state: readonly number[];
	readonly action: number;
	readonly reward: number;
	readonly nextState: readonly number[];
	readonly done: boolean;
}

export class DQN {
	private readonly qNetwork: tf.Sequential;
	private readonly targetNetwork: tf.Sequential;
	private readonly optimizer: tf.Optimizer;

	public constructor(stateSize: number, numActions: number, private readonly gamma = 0.99) {
		this.qNetwork = createNetwork([stateSize, 64, 64, numActions], "relu", 1e-4);
		this.targetNetwork = createNetwork([stateSize, 64, 64, numActions], "relu", 1e-4);
		this.targetNetwork.setWeights(this.qNetwork.getWeights());
		this.optimizer = tf.train.adam(1e-3);
	}

	public learn(batch: readonly Transition[]): number {
		const states = tf.tensor2d(batch.map((t) => [...t.state]));
		const nextStates = tf.tensor2d(batch.map((t) => [...t.nextState]));
		const actions = tf.tensor1d(batch.map((t) => t.action), "int32");
		const rewards = tf.tensor1d(batch.map((t) => t.reward));
		const notDone = tf.tensor1d(batch.map((t) => (t.done ? 0 : 1)));
		const targets = tf.tidy(() => {
			const nextQ = (this.targetNetwork.predict(nextStates) as tf.Tensor2D).max(1);
			return rewards.add(nextQ.mul(notDone).mul(this.gamma));
		});
		const loss = this.optimizer.minimize(() => {
			const q = this.qNetwork.predict(states) as tf.Tensor2D;
			const qAction = q.mul(tf.oneHot(actions, q.shape[1])).sum(1);
			return tf.losses.meanSquaredError(targets, qAction) as tf.Scalar;
		}, true);
		const value = loss ? loss.dataSync()[0] : 0;
		tf.dispose([states, nextStates, actions, rewards, notDone, targets, loss]);
		return value;
	}

	public syncTarget(): void {
		this.targetNetwork.setWeights(this.qNetwork.getWeights());
	}
}
