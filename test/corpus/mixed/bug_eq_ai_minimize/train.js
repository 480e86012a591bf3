// Idiom seen in: ChefyHase/eq-ai train.js
// What it reproduces: the entry script that runs Model.train() from model.js, whose custom
// optimizer.minimize loop leaves the kernelRegularizer terms out of the loss.
const model = require('./model.js');

(async () => {
  await model.train();
})();
