// Idiom seen in: doggor/tfjs-text-classification-demo src/js/services/trainModel.ts
// What it reproduces: the compile step trainModel.ts calls before fitDataset.
import * as tf from "@tensorflow/tfjs";

export default function compileModel(model: tf.LayersModel) {
    model.compile({
        optimizer: tf.train.adam(1e-3),
        loss: "categoricalCrossentropy",
        metrics: ["accuracy"],
    });
}
