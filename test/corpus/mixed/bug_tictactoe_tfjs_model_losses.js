// Idiom seen in: Khepu/tic-tac-toe js/neuralNetwork.js
// What it reproduces: a browser tic-tac-toe value network (global `tf` from a script tag, tf.sequential of
//   dense layers, train(history, result) called after each game). Realistic mistake in that idiom: the user
//   adds kernelRegularizer l2 to the hidden layers and replaces model.fit by optimizer.minimize with the loss
//   written the Keras way, tf.addN([dataLoss, ...model.losses]); in TF.js model.losses does not hold the
//   regularizer terms (that is model.calculateLosses()), so the decay never reaches the loss (WD103).
const model = tf.sequential();

const input = tf.layers.dense({
    units: 9,
    inputShape: [9],
    kernelInitializer: 'randomUniform',
    activation: 'sigmoid',
    kernelRegularizer: tf.regularizers.l2({ l2: 0.001 }) // expect: WD103
});

const hidden = tf.layers.dense({
    units: 18,
    kernelInitializer: 'randomUniform',
    activation: 'sigmoid',
    kernelRegularizer: tf.regularizers.l2({ l2: 0.001 }) // expect: WD103
});

const output = tf.layers.dense({
    units: 1,
    kernelInitializer: 'randomUniform',
    activation: 'sigmoid'
});

model.add(input);
model.add(hidden);
model.add(output);

const learningRate = 0.05;
const sgdOpt = tf.train.sgd(learningRate);

function train(history, result) {
    if (result != 1) {
        result = 0;
    }
    const xs = tf.tensor2d(history, [history.length, 9]);
    const ys = tf.fill([history.length, 1], result);
    const cost = sgdOpt.minimize(() => {
        const preds = model.predict(xs);
        const dataLoss = tf.losses.meanSquaredError(ys, preds);
        return tf.addN([dataLoss, ...model.losses]);
    }, true);
    console.log('value loss', cost.dataSync()[0]);
    tf.dispose([xs, ys, cost]);
}

function evaluate(state) {
    return tf.tidy(() => model.predict(tf.tensor2d(state, [1, 9])).dataSync()[0]);
}
