// Idiom seen in: taylorhansen/pokemonshowdown-ai src/train/learn/learn.ts
// What it reproduces: manual training with optimizer.computeGradients(() => loss(...).loss, variables) instead of
// compile/fit (the loss depends on action and reward); the differentiated loss already holds the L2 terms.
import * as tf from "@tensorflow/tfjs";
import {BatchedExample, createTrainingDataset} from "./dataset";
import {loss} from "./loss";

export interface LearnArgs {
    readonly model: tf.LayersModel;
    readonly examplePaths: readonly string[];
    readonly epochs: number;
    readonly batchSize: number;
    readonly learningRate: number;
}

export async function learn({model, examplePaths, epochs, batchSize, learningRate}: LearnArgs): Promise<void> {
    const optimizer = tf.train.sgd(learningRate);
    const variables = model.trainableWeights.map(w => w.read() as tf.Variable);

    for (let i = 0; i < epochs; ++i) {
        await createTrainingDataset(examplePaths, batchSize)
            .mapAsync(async function learnBatch(batch: BatchedExample) {
                const {value: batchLoss, grads} = optimizer.computeGradients(
                    () =>
                        loss({
                            model,
                            state: batch.state,
                            action: batch.action,
                            returns: batch.returns,
                            advantage: batch.advantage,
                            valueCoeff: 0.5,
                            entropyCoeff: 0.01,
                        }).loss,
                    variables,
                );
                optimizer.applyGradients(grads);
                console.log(`epoch ${i + 1}: loss ${(await batchLoss.array()).toFixed(4)}`);
                tf.dispose([batch, batchLoss, grads]);
            })
            .forEachAsync(() => {});
    }
    optimizer.dispose();
}
