// Idiom seen in: niranjannitesh/pongbot-supervised model.js
// What it reproduces: a browser tf.sequential supervised pong controller with kernelRegularizer on the hidden
// layers, compiled and trained with model.fit, which adds the regularizer terms to the loss itself: clean.
/* global tf */

const L2_WEIGHT = 5e-4;

const tfmodel = tf.sequential();

tfmodel.add(tf.layers.dense({
    units: 256,
    inputShape: [6],
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({ l2: L2_WEIGHT }),
}));

tfmodel.add(tf.layers.dense({
    units: 128,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({ l2: L2_WEIGHT }),
}));

tfmodel.add(tf.layers.dense({
    units: 3,
    activation: 'softmax',
}));

const optimizer = tf.train.adam(0.0001);

tfmodel.compile({
    optimizer,
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
});

const trainingData = [];

function record(ball, paddle, opponent, keyPressed) {
    trainingData.push({
        xs: [ball.x / 600, ball.y / 400, ball.vx, ball.vy, paddle.y / 400, opponent.y / 400],
        ys: keyPressed === 'up' ? [1, 0, 0] : keyPressed === 'down' ? [0, 0, 1] : [0, 1, 0],
    });
}

async function train(epochs = 20) {
    const xs = tf.tensor2d(trainingData.map(d => d.xs));
    const ys = tf.tensor2d(trainingData.map(d => d.ys));
    const history = await tfmodel.fit(xs, ys, {
        epochs,
        batchSize: 64,
        shuffle: true,
        validationSplit: 0.1,
    });
    tf.dispose([xs, ys]);
    return history.history.loss;
}

function predictMove(ball, paddle, opponent) {
    return tf.tidy(() => {
        const input = tf.tensor2d([[ball.x / 600, ball.y / 400, ball.vx, ball.vy, paddle.y / 400, opponent.y / 400]]);
        return tfmodel.predict(input).argMax(-1).dataSync()[0];
    });
}

window.pongbot = { record, train, predictMove };
