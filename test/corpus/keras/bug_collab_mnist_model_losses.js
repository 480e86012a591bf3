// Idiom seen in: anas-awadalla/Collaborative-Machine-Learning static/model.js
// What it reproduces: a browser federated client computing gradients with tf.variableGrads; the user gave the layers
//   L2 kernelRegularizers and added `...this.model.losses` as in Keras, but TF.js model.losses holds no regularizer
//   terms (those come from model.calculateLosses()), so the decay never reaches the applied gradients.
class MnistModel {
  constructor(l2 = 5e-4, learningRate = 0.01) {
    this.model = tf.sequential();
    this.model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], kernelSize: 3, filters: 16, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2 }) })); // expect: WD103
    this.model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
    this.model.add(tf.layers.conv2d({ kernelSize: 3, filters: 32, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2 }) })); // expect: WD103
    this.model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
    this.model.add(tf.layers.flatten());
    this.model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2 }) })); // expect: WD103
    this.model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
    this.optimizer = tf.train.sgd(learningRate);
  }

  async getGradients(xs, ys) {
    const { value, grads } = tf.variableGrads(() => {
      const predYs = this.model.predict(xs);
      const loss = tf.losses.softmaxCrossEntropy(ys, predYs);
      return tf.addN([loss, ...this.model.losses]);
    });
    value.data().then(l => console.log('Loss', l));
    this.optimizer.applyGradients(grads);
    const res = Object.fromEntries(Object.keys(grads).map(name => [name, grads[name].arraySync()]));
    tf.dispose(grads);
    return res;
  }
}

async function trainRound(client, batches) {
  const updates = [];
  for (const { xs, ys } of batches) {
    updates.push(await client.getGradients(xs, ys));
  }
  await fetch('/submit_gradients', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(updates),
  });
}

const client = new MnistModel();
loadLocalBatches(32).then(batches => trainRound(client, batches));
