// Idiom seen in: gajojr/tfjs-dino-player src/NoisyDense.js
// What it reproduces: the repo's NoisyDense custom layer, which hands its kernelRegularizer/biasRegularizer to
//   this.addWeight(...) so the layer's regularization terms are collected like a built-in dense layer's. No
//   training here.
const tf = require('@tensorflow/tfjs-node');

class NoisyDense extends tf.layers.Layer {
  constructor(units, sigma = 0.5, activation = null, useBias = true, kernelRegularizer = null, biasRegularizer = null) {
    super({});
    this.units = units;
    this.sigma = sigma;
    this.activation = activation;
    this.useBias = useBias;
    this.kernelRegularizer = kernelRegularizer;
    this.biasRegularizer = biasRegularizer;
  }

  build(inputShape) {
    this.kernel = this.addWeight('kernel', [inputShape[1], this.units], 'float32',
      tf.initializers.glorotUniform(), this.kernelRegularizer, true);
    if (this.useBias) {
      this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros(), this.biasRegularizer, true);
    }
    this.kernelStddev = this.addWeight('kernelStddev', [inputShape[1], this.units], 'float32',
      tf.initializers.constant({ value: this.sigma / Math.sqrt(inputShape[1]) }), null, false);
    this.built = true;
  }

  call(inputs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const noise = tf.randomNormal(this.kernel.shape);
      const w = tf.add(this.kernel.read(), tf.mul(this.kernelStddev.read(), noise));
      let y = tf.matMul(x, w);
      if (this.useBias) y = tf.add(y, this.bias.read());
      return this.activation === 'relu' ? tf.relu(y) : y;
    });
  }

  computeOutputShape(inputShape) {
    return [inputShape[0], this.units];
  }

  static get className() {
    return 'NoisyDense';
  }
}

tf.serialization.registerClass(NoisyDense);
module.exports = { NoisyDense };
