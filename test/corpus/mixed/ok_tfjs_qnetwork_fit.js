// Idiom seen in: AidanNelson/reinforcement-learning-experiments simple-rl-tutorials/0-q-learning-agents/simpleQNetworkLayers.js
// What it reproduces: FrozenLake Q-network in TF.js Layers (p5 sketch). The dense layer carries a
//   kernelRegularizer and training goes through model.compile + model.fit, which adds the layers'
//   regularization terms to the loss itself: clean.

class QNetworkLayers {
  constructor(envSize) {
    tf.setBackend('cpu');
    this.model = tf.sequential();
    this.model.add(tf.layers.dense({
      units: 16,
      activation: 'relu',
      inputShape: [envSize * envSize],
      kernelRegularizer: tf.regularizers.l2({ l2: 1e-4 }),
    }));
    this.model.add(tf.layers.dense({
      units: 4,
      useBias: false,
      kernelInitializer: tf.initializers.randomUniform({ minval: 0, maxval: 0.1 }),
    }));
    this.model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
    this.envSize = envSize;
    this.env = new FrozenLake(envSize);
    this.y = 0.99;
    this.e = 0.2;
    this.rList = [];
  }

  getStateTensor(s) {
    const row = new Array(this.envSize * this.envSize).fill(0);
    row[s] = 1;
    return tf.tensor2d([row]);
  }

  async train(numEpisodes = 100) {
    for (let i = 0; i < numEpisodes; i++) {
      let currState = this.env.reset();
      let rAll = 0;
      for (let j = 0; j < 100; j++) {
        const allQ = tf.tidy(() => this.model.predict(this.getStateTensor(currState)));
        let action = tf.tidy(() => tf.argMax(allQ, 1).dataSync());
        if (Math.random() < this.e) {
          action = [Math.floor(Math.random() * 4)];
        }
        const { nextState, reward, done } = this.env.step(action[0]);
        const maxQ1 = tf.tidy(() => this.model.predict(this.getStateTensor(nextState)).max(1).dataSync());
        const targetQ = allQ.dataSync().slice();
        targetQ[action[0]] = reward + this.y * maxQ1[0];
        const x = this.getStateTensor(currState);
        const t = tf.tensor2d([Array.from(targetQ)]);
        await this.model.fit(x, t, { epochs: 1 });
        x.dispose(); t.dispose(); allQ.dispose();
        rAll += reward;
        currState = nextState;
        if (done) {
          this.e = 1.0 / ((i / 50) + 10);
          break;
        }
      }
      this.rList.push(rAll);
    }
  }
}
