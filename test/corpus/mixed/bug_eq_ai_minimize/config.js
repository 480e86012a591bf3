// Idiom seen in: ChefyHase/eq-ai config.js
// What it reproduces: the project's settings module (batch size, dataset path, the l2 factor used by
// model.js); the decay bug itself is in model.js.
module.exports = {
  batchSize: 1000,
  numSamples: 284,
  samplesPerSong: 500,
  trainEpoches: 1,
  iterations: 5000,
  learningRate: 0.0001,
  lambda: 0.01,
  dataSetPath: './data/json/',
  verbose: true
};
