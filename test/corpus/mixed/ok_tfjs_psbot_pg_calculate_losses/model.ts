// Idiom seen in: taylorhansen/pokemonshowdown-ai src/train/model/model.ts
// What it reproduces: a functional tf.model built from shared dense layers with kernelRegularizer; loss.ts adds
// model.calculateLosses() to the policy-gradient loss that learn.ts differentiates, so the decay is applied: clean.
import * as tf from "@tensorflow/tfjs";
import {modelInputShapes, verifyModel} from "./shapes";

const l2 = (): tf.Regularizer => tf.regularizers.l2({l2: 1e-5});

/** Creates a default model for training. */
export function createModel(): tf.LayersModel {
    const roomInput = tf.layers.input({name: "model/input/room", shape: [...modelInputShapes.room]});
    const teamInput = tf.layers.input({name: "model/input/team", shape: [...modelInputShapes.team]});

    const pokemonLayer = tf.layers.dense({
        name: "model/team/pokemon/dense",
        units: 64,
        activation: "tanh",
        kernelInitializer: "heNormal",
        kernelRegularizer: l2(),
    });

    const roomFeatures = tf.layers
        .dense({
            name: "model/room/dense",
            units: 8,
            activation: "tanh",
            kernelInitializer: "heNormal",
            kernelRegularizer: l2(),
        })
        .apply(roomInput) as tf.SymbolicTensor;
    const teamFeatures = tf.layers
        .flatten()
        .apply(pokemonLayer.apply(teamInput)) as tf.SymbolicTensor;

    const globalConcat = tf.layers
        .concatenate({name: "model/global/concat", axis: -1})
        .apply([roomFeatures, teamFeatures]) as tf.SymbolicTensor;

    const actionOutput = tf.layers
        .dense({name: "model/output/action", units: 10, activation: "softmax", kernelRegularizer: l2()})
        .apply(globalConcat) as tf.SymbolicTensor;
    const valueOutput = tf.layers
        .dense({name: "model/output/value", units: 1, activation: "tanh", kernelRegularizer: l2()})
        .apply(globalConcat) as tf.SymbolicTensor;

    const model = tf.model({name: "model", inputs: [roomInput, teamInput], outputs: [actionOutput, valueOutput]});
    verifyModel(model);
    return model;
}
