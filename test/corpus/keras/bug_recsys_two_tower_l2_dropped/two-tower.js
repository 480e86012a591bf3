// Idiom seen in: 123456789hien/recsys 5w4/two-tower.js
// Idiom seen in: 123456789hien/recsys 1w4/app.js
// What it reproduces: a browser MovieLens two-tower (tf.variable embedding tables + MLP towers) whose training
//   closure computes an L2 penalty on the base embedding tables from CONFIG.l2Reg but returns the bare
//   in-batch softmax loss, so optimizer.minimize never sees the penalty (user change in the course idiom).
/* global tf */

function denseLayer(x, W, b, activation = null) {
  const y = tf.add(tf.matMul(x, W), b);
  return activation ? activation(y) : y;
}

class TwoTowerModel {
  constructor(numUsers, numItems, embDim, opts = {}) {
    this.numUsers = numUsers;
    this.numItems = numItems;
    this.embDim = embDim;
    this.mlpHidden = opts.mlpHidden || [128, 64];

    const std = 0.05;
    this.userBase = tf.variable(tf.randomNormal([numUsers, embDim], 0, std));
    this.itemBase = tf.variable(tf.randomNormal([numItems, embDim], 0, std));

    this.userMlps = this.buildTower(embDim);
    this.itemMlps = this.buildTower(embDim);
  }

  buildTower(inDim) {
    const layers = [];
    let prev = inDim;
    for (const h of this.mlpHidden) {
      layers.push({
        W: tf.variable(tf.randomNormal([prev, h], 0, Math.sqrt(2 / (prev + h)))),
        b: tf.variable(tf.zeros([h])),
        act: tf.relu,
      });
      prev = h;
    }
    layers.push({
      W: tf.variable(tf.randomNormal([prev, this.embDim], 0, Math.sqrt(2 / (prev + this.embDim)))),
      b: tf.variable(tf.zeros([this.embDim])),
      act: null,
    });
    return layers;
  }

  forward(base, idx, tower) {
    let h = tf.gather(base, idx);
    for (const layer of tower) h = denseLayer(h, layer.W, layer.b, layer.act);
    const norm = tf.maximum(tf.norm(h, 'euclidean', 1, true), 1e-6);
    return tf.div(h, norm);
  }

  userForward(userIdxTensor) { return this.forward(this.userBase, userIdxTensor, this.userMlps); }

  itemForward(itemIdxTensor) { return this.forward(this.itemBase, itemIdxTensor, this.itemMlps); }

  trainableVars() {
    const towerVars = (t) => t.flatMap((l) => [l.W, l.b]);
    return [this.userBase, this.itemBase, ...towerVars(this.userMlps), ...towerVars(this.itemMlps)];
  }
}

window.TwoTowerModel = TwoTowerModel;
