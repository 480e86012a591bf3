// Idiom seen in: repository not resolved by the code index (index file id 27793600844: the page script that loads
//   MovieLens, builds the two-tower variants and calls train(userInput, movieInput, ratings, epochs, batchSize))
// What it reproduces: the Node entry: ratings and movie genres from a data module this folder lacks, implicit
//   labels (rating >= 4), the MLP two-tower trained with trainOnBatch, then item embeddings exported for retrieval.
// label-note: clean (see two-tower.js).
const tf = require('@tensorflow/tfjs-node');
const { MLPTwoTower } = require('./two-tower');
const { loadMovieLens } = require('./data');

async function main() {
  const { ratings, movies, numUsers, numItems, numGenres } = await loadMovieLens('./ml-100k');
  const userIds = tf.tensor1d(ratings.map((r) => r.userId), 'int32');
  const movieIds = tf.tensor1d(ratings.map((r) => r.movieId), 'int32');
  const genres = tf.tensor2d(ratings.map((r) => movies[r.movieId].genres));
  const labels = tf.tensor1d(ratings.map((r) => (r.rating >= 4 ? 1 : 0)));

  const recommender = new MLPTwoTower(32, numUsers, numItems, numGenres, 1e-6);
  const history = await recommender.train(userIds, movieIds, genres, labels, 5, 256);
  console.log('final loss', history.loss[history.loss.length - 1]);

  const allMovieIds = tf.tensor1d(movies.map((m) => m.movieId), 'int32');
  const itemEmbeddings = recommender.itemTower.predict([allMovieIds, tf.tensor2d(movies.map((m) => m.genres))]);
  await itemEmbeddings.array();
}

main();
