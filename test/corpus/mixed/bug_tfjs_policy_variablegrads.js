// Idiom seen in: AidanNelson/reinforcement-learning-experiments flappy-bird-policy-network/index.js
// What it reproduces: the tfjs-examples cart-pole REINFORCE policy network (browser, p5 game). A user
//   adds kernelRegularizer to the dense layers, but training collects gradients with tf.variableGrads
//   on the bare sigmoid cross-entropy and applies them by hand: the L2 terms never reach the gradients.

class PolicyNetwork {
  constructor(hiddenLayerSizesOrModel) {
    if (hiddenLayerSizesOrModel instanceof tf.LayersModel) {
      this.model = hiddenLayerSizesOrModel;
    } else {
      this.createModel(hiddenLayerSizesOrModel);
    }
  }

  createModel(hiddenLayerSizes) {
    if (!Array.isArray(hiddenLayerSizes)) {
      hiddenLayerSizes = [hiddenLayerSizes];
    }
    this.model = tf.sequential();
    hiddenLayerSizes.forEach((hiddenLayerSize, i) => {
      this.model.add(tf.layers.dense({
        units: hiddenLayerSize,
        activation: 'elu',
        kernelRegularizer: tf.regularizers.l2({ l2: 1e-3 }), // expect: WD103
        inputShape: i === 0 ? [5] : undefined
      }));
    });
    this.model.add(tf.layers.dense({
      units: 1,
      kernelRegularizer: tf.regularizers.l2({ l2: 1e-3 }) // expect: WD103
    }));
  }

  async train(game, optimizer, discountRate, numGames, maxStepsPerGame) {
    const allGradients = [];
    const allRewards = [];
    for (let i = 0; i < numGames; ++i) {
      game.setRandomState();
      const gameRewards = [];
      const gameGradients = [];
      for (let j = 0; j < maxStepsPerGame; ++j) {
        const gradients = tf.tidy(() => {
          const inputTensor = game.getStateTensor();
          return this.getGradientsAndSaveActions(inputTensor).grads;
        });
        this.pushGradients(gameGradients, gradients);
        const [isDone, passedPipe] = game.update(this.currentActions_[0]);
        if (isDone) {
          gameRewards.push(0);
          break;
        }
        gameRewards.push(passedPipe ? 10 : 1);
      }
      this.pushGradients(allGradients, gameGradients);
      allRewards.push(gameRewards);
      await tf.nextFrame();
    }
    tf.tidy(() => {
      const normalizedRewards = discountAndNormalizeRewards(allRewards, discountRate);
      optimizer.applyGradients(scaleAndAverageGradients(allGradients, normalizedRewards));
    });
    tf.dispose(allGradients);
  }

  getGradientsAndSaveActions(inputTensor) {
    const f = () => tf.tidy(() => {
      const logits = this.model.predict(inputTensor);
      const leftProb = tf.sigmoid(logits);
      const probs = tf.concat([leftProb, tf.sub(1, leftProb)], 1);
      const actions = tf.multinomial(probs, 1, null, true);
      this.currentActions_ = actions.dataSync();
      const labels = tf.sub(1, tf.tensor2d(this.currentActions_, actions.shape));
      return tf.losses.sigmoidCrossEntropy(labels, logits).asScalar();
    });
    return tf.variableGrads(f);
  }

  pushGradients(record, gradients) {
    for (const key in gradients) {
      if (key in record) {
        record[key].push(gradients[key]);
      } else {
        record[key] = [gradients[key]];
      }
    }
  }
}

function discountAndNormalizeRewards(rewardSequences, discountRate) {
  return tf.tidy(() => {
    const discounted = rewardSequences.map((rewards) => {
      const buf = tf.buffer([rewards.length]);
      let prev = 0;
      for (let i = rewards.length - 1; i >= 0; --i) {
        prev = discountRate * prev + rewards[i];
        buf.set(prev, i);
      }
      return buf.toTensor();
    });
    const concatenated = tf.concat(discounted);
    const mean = tf.mean(concatenated);
    const std = tf.sqrt(tf.mean(tf.square(concatenated.sub(mean))));
    return discounted.map((rs) => rs.sub(mean).div(std));
  });
}

function scaleAndAverageGradients(allGradients, normalizedRewards) {
  return tf.tidy(() => {
    const gradients = {};
    for (const varName in allGradients) {
      const varGradients = allGradients[varName].map((g) => tf.stack(g));
      const expandedDims = new Array(varGradients[0].rank - 1).fill(1);
      const scaled = varGradients.map((g, i) =>
        g.mul(normalizedRewards[i].reshape(normalizedRewards[i].shape.concat(expandedDims))));
      gradients[varName] = tf.mean(tf.concat(scaled, 0), 0);
    }
    return gradients;
  });
}

const policyNet = new PolicyNetwork([32, 16]);
const optimizer = tf.train.adam(0.05);
async function runTraining(game) {
  for (let epoch = 0; epoch < 100; ++epoch) {
    await policyNet.train(game, optimizer, 0.95, 20, 500);
  }
}
