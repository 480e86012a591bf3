// Idiom seen in: doggor/tfjs-text-classification-demo src/js/services/trainModel.ts
// What it reproduces: compile + model.fitDataset with tfjs-vis callbacks; fitDataset minimizes the
// compiled loss plus the layers' regularizer terms, so the l2 declared in createModel.ts is trained: clean.
import * as tf from "@tensorflow/tfjs";
import * as tfvis from "@tensorflow/tfjs-vis";
import getDataset, { clearDataCache } from "../data/getDataset";
import compileModel from "./compileModel";
import createModel from "./createModel";

export default async function trainModel(model: tf.LayersModel, epochs: number, backend = "webgl") {
    await tf.setBackend(backend);

    compileModel(model);

    const trainingDataset = getDataset("train");
    const validatingDataset = getDataset("valid", 1, true);

    const graphUpdateCallbacks = tfvis.show.fitCallbacks(
        { name: "Acc / Loss", tab: "Training" },
        ["loss", "val_loss", "acc", "val_acc"],
        { zoomToFitAccuracy: true, zoomToFit: true, callbacks: ["onEpochEnd"] },
    );

    await model.fitDataset(trainingDataset, {
        epochs,
        validationData: validatingDataset,
        callbacks: [graphUpdateCallbacks],
    });

    clearDataCache();
}

export async function createAndTrain(modelName: string, epochs: number) {
    const model = await createModel(modelName);
    await trainModel(model, epochs);
    await model.save(`indexeddb://${modelName}`);
    return model;
}
