// Idiom seen in: willclarktech/ts-rl src/util.ts
// What it reproduces: a ts-rl style supervised pre-training of the policy network: the l2 kernel regularizers
// are on layers of a model trained with compile + fit, which adds the regularization terms itself. Clean.
import * as tf from "@tensorflow/tfjs-node";

export const createPolicy = (widths: readonly number[], l2: number): tf.Sequential =>
	tf.sequential({
		name: "policy",
		layers: [
			tf.layers.dense({ inputShape: [widths[0]], units: widths[1], activation: "relu", kernelRegularizer: tf.regularizers.l2({ l2 }) }),
			tf.layers.dense({ units: widths[2], activation: "softmax", kernelRegularizer: tf.regularizers.l2({ l2 }) }),
		],
	});

export const pretrain = async (states: number[][], actions: number[][]): Promise<tf.History> => {
	const policy = createPolicy([states[0].length, 64, actions[0].length], 1e-4);
	policy.compile({ optimizer: tf.train.adam(1e-3), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
	return policy.fit(tf.tensor2d(states), tf.tensor2d(actions), { epochs: 20, batchSize: 64, validationSplit: 0.1 });
};
