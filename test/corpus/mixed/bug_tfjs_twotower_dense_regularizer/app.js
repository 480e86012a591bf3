// Idiom seen in: HafsaIdSaid386/week-4 app.js
// What it reproduces: the page script that loads the ratings, builds TwoTowerModel and calls
// trainStep on shuffled batches.
const tf = require('@tensorflow/tfjs');
const {TwoTowerModel} = require('./two-tower');
const {loadRatings} = require('./data');

async function main() {
  const {ratings, numUsers, numItems, numGenres, genreMatrix} = await loadRatings('u.data', 'u.item');
  const model = new TwoTowerModel(numUsers, numItems, numGenres);
  const batchSize = 256;
  for (let epoch = 0; epoch < 10; epoch++) {
    tf.util.shuffle(ratings);
    for (let i = 0; i + batchSize <= ratings.length; i += batchSize) {
      const batch = ratings.slice(i, i + batchSize);
      const userIdx = tf.tensor1d(batch.map((r) => r.user), 'int32');
      const itemIdx = tf.tensor1d(batch.map((r) => r.item), 'int32');
      const genres = tf.tensor2d(batch.map((r) => genreMatrix[r.item]));
      const loss = model.trainStep(userIdx, itemIdx, genres);
      if (i % (batchSize * 20) === 0) console.log(`epoch ${epoch} loss ${loss.dataSync()[0]}`);
      tf.dispose([userIdx, itemIdx, genres, loss]);
      await tf.nextFrame();
    }
  }
}

main();
