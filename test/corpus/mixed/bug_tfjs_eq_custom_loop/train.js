// Idiom seen in: ChefyHase/eq-ai train.js
// What it reproduces: entry script that requires the model singleton and runs its custom loop.
const model = require('./model.js');

(async () => {
  await model.train({ iterations: 100, save: true });
})();
