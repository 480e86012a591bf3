// Idiom seen in: 123456789hien/recsys 5w4/two-tower.js
// Idiom seen in: 123456789hien/recsys 1w4/app.js
// What it reproduces: a browser MovieLens two-tower (tf.variable embedding tables + MLP towers) whose training
//   closure computes an L2 penalty on the base embedding tables from CONFIG.l2Reg but returns the bare
//   in-batch softmax loss, so optimizer.minimize never sees the penalty (user change in the course idiom).
/* global tf, TwoTowerModel */

(() => {
  const CONFIG = {
    maxInteractions: 80000,
    embeddingDim: 32,
    epochs: 6,
    batchSize: 256,
    learningRate: 0.005,
    l2Reg: 1e-4,
  };

  const statustext = document.getElementById('statustext');
  let interactions = [];
  let numUsers = 0;
  let numItems = 0;
  let model = null;

  function setStatus(s) { statustext.textContent = s; console.log(s); }
  function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }
  function shuffle(arr) {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [arr[i], arr[j]] = [arr[j], arr[i]];
    }
  }

  async function loadData() {
    const text = await (await fetch('data/u.data')).text();
    const users = new Map();
    const items = new Map();
    text.split('\n').filter((l) => l.trim()).slice(0, CONFIG.maxInteractions).forEach((line) => {
      const [u, i] = line.split('\t');
      if (!users.has(u)) users.set(u, users.size);
      if (!items.has(i)) items.set(i, items.size);
      interactions.push({ userIdx: users.get(u), itemIdx: items.get(i) });
    });
    numUsers = users.size;
    numItems = items.size;
    setStatus('Loaded ' + interactions.length + ' interactions.');
  }

  async function train() {
    model = new TwoTowerModel(numUsers, numItems, CONFIG.embeddingDim, { mlpHidden: [128, 64] });
    const optimizer = tf.train.adam(CONFIG.learningRate);
    for (let epoch = 0; epoch < CONFIG.epochs; epoch++) {
      const copy = interactions.slice();
      shuffle(copy);
      for (let s = 0; s < copy.length; s += CONFIG.batchSize) {
        const batch = copy.slice(s, s + CONFIG.batchSize);
        const users = tf.tensor1d(batch.map((x) => x.userIdx), 'int32');
        const items = tf.tensor1d(batch.map((x) => x.itemIdx), 'int32');
        const lossVal = optimizer.minimize(() => tf.tidy(() => {
          const U = model.userForward(users);
          const P = model.itemForward(items);
          const logits = tf.matMul(U, P, false, true);
          const labels = tf.oneHot(tf.range(0, batch.length, 1, 'int32'), batch.length);
          const loss = tf.losses.softmaxCrossEntropy(labels, logits);
          const l2Penalty = tf.mul(CONFIG.l2Reg, tf.add(tf.sum(tf.square(model.userBase)), tf.sum(tf.square(model.itemBase)))); // expect: WD104
          return loss;
        }), true, model.trainableVars());
        const val = lossVal.dataSync()[0];
        lossVal.dispose();
        users.dispose();
        items.dispose();
        setStatus('epoch ' + (epoch + 1) + '/' + CONFIG.epochs + ', loss ' + val.toFixed(4));
        await sleep(4);
      }
    }
  }

  document.getElementById('btnLoad').addEventListener('click', loadData);
  document.getElementById('btnTrain').addEventListener('click', train);
})();
