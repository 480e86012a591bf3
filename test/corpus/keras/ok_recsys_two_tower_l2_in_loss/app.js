// Idiom seen in: zunayeddd/RecSys-LLMs week4/two-tower.js
// What it reproduces: the course two-tower with tf.variable embedding tables trained through
//   optimizer.computeGradients(loss) / applyGradients; the loss closure adds an L2 penalty on the embeddings
//   of the batch (tf.mul(l2, tf.sum(tf.square(...)))) to the in-batch softmax loss. Clean.
/* global TwoTowerModel */

const CONFIG = { embeddingDim: 32, epochs: 5, batchSize: 512, l2: 1e-4 };

async function loadInteractions() {
  const text = await (await fetch('data/u.data')).text();
  const users = new Map();
  const items = new Map();
  const pairs = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const [u, i] = line.split('\t');
    if (!users.has(u)) users.set(u, users.size);
    if (!items.has(i)) items.set(i, items.size);
    pairs.push([users.get(u), items.get(i)]);
  }
  return { pairs, numUsers: users.size, numItems: items.size };
}

async function trainModel() {
  const { pairs, numUsers, numItems } = await loadInteractions();
  const model = new TwoTowerModel(numUsers, numItems, CONFIG.embeddingDim, CONFIG.l2);
  for (let epoch = 0; epoch < CONFIG.epochs; epoch++) {
    let total = 0;
    let n = 0;
    for (let s = 0; s < pairs.length; s += CONFIG.batchSize) {
      const batch = pairs.slice(s, s + CONFIG.batchSize);
      total += model.trainStep(batch.map((p) => p[0]), batch.map((p) => p[1]));
      n += 1;
    }
    document.getElementById('status').textContent = 'epoch ' + (epoch + 1) + ' loss ' + (total / n).toFixed(4);
    await new Promise((r) => setTimeout(r, 0));
  }
  return model;
}

document.getElementById('trainBtn').addEventListener('click', trainModel);
