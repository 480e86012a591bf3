// Idiom seen in: willclarktech/ts-rl src/util.ts
// What it reproduces: ts-rl's createNetwork builds a tf.sequential of dense layers from a widths array; here the
// user adds kernelRegularizer: tf.regularizers.l2 to every layer (WD103: the DQN trains it with
// optimizer.minimize and a loss that leaves the regularizer terms out).
import * as tf from "@tensorflow/tfjs-node";

type ActivationFunction = "relu" | "sigmoid" | "softmax";

export const createNetwork = (
	widths: readonly number[],
	activation: ActivationFunction,
	l2: number,
	outputActivation?: ActivationFunction,
): tf.Sequential => {
	const network = tf.sequential({
		name: "q-network",
		layers: widths.slice(1).map((width, i) =>
			i === 0
				? tf.layers.dense({
						inputShape: [widths[0]],
						units: width,
						activation,
						kernelRegularizer: tf.regularizers.l2({ l2 }), // expect: WD103
				  })
				: i !== widths.length - 2
				? tf.layers.dense({ units: width, activation, kernelRegularizer: tf.regularizers.l2({ l2 }) }) // expect: WD103
				: tf.layers.dense({ units: width, activation: outputActivation }),
		),
	});
	return network;
};
