// Idiom seen in: doggor/tfjs-text-classification-demo src/js/services/createModel.ts
// What it reproduces: the character classifier built as tf.sequential with named conv/dense layers; here the
// convolutions and the dense layer carry kernelRegularizer: tf.regularizers.l2, and the model is
// trained with model.fitDataset (trainModel.ts), which adds the regularization losses itself: clean.
import * as tf from "@tensorflow/tfjs";
import { CHARS, BATCH_SIZE, CANVAS_WIDTH, CANVAS_HEIGHT } from "../constants";

const L2_FACTOR = 1e-4;

export default async function createModel(modelName: string) {
    const model = tf.sequential({
        layers: [
            tf.layers.conv2d({
                name: "conv1",
                kernelSize: [5, 5],
                strides: 1,
                filters: 24,
                useBias: false,
                activation: "relu",
                inputShape: [CANVAS_WIDTH, CANVAS_HEIGHT, 1],
                batchSize: BATCH_SIZE,
                kernelRegularizer: tf.regularizers.l2({ l2: L2_FACTOR }),
            }),
            tf.layers.maxPooling2d({ poolSize: [2, 2] }),
            tf.layers.conv2d({
                name: "conv2",
                kernelSize: [3, 3],
                strides: 1,
                filters: 24,
                useBias: false,
                activation: "relu",
                kernelRegularizer: tf.regularizers.l2({ l2: L2_FACTOR }),
            }),
            tf.layers.maxPooling2d({ poolSize: [2, 2] }),
            tf.layers.flatten(),
            tf.layers.dense({
                name: "dense1",
                units: CHARS.length,
                useBias: false,
                activation: "softmax",
                kernelRegularizer: tf.regularizers.l2({ l2: L2_FACTOR }),
            }),
        ],
    });

    const storeUrl = `indexeddb://${modelName}`;
    await model.save(storeUrl);

    return model;
}
