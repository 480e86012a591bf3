// Idiom seen in: ruizTechServices/tensorflowjs_transformer services/transformer.ts
// Idiom seen in: ruizTechServices/tensorflowjs_transformer services/layers.ts
// What it reproduces: a hand-rolled TF.js mini-GPT whose parameters are raw tf.variable tensors (embedding,
//   per-block dense kernels, LayerNorm gamma/beta, output projection), exposed through matrixWeights() so the
//   trainer can regularize the matrices. No decay here.
import * as tf from '@tensorflow/tfjs';

export interface ModelConfig {
  vocabSize: number;
  dModel: number;
  numHeads: number;
  numLayers: number;
  dff: number;
  maxLen: number;
}

class Dense {
  kernel: tf.Variable;
  bias: tf.Variable;
  constructor(inDim: number, outDim: number) {
    this.kernel = tf.variable(tf.randomNormal([inDim, outDim], 0, 0.02));
    this.bias = tf.variable(tf.zeros([outDim]));
  }
  forward(x: tf.Tensor): tf.Tensor {
    return tf.add(tf.matMul(x.reshape([-1, this.kernel.shape[0] as number]), this.kernel), this.bias);
  }
}

class LayerNormalization {
  gamma: tf.Variable;
  beta: tf.Variable;
  constructor(dModel: number) {
    this.gamma = tf.variable(tf.ones([dModel]));
    this.beta = tf.variable(tf.zeros([dModel]));
  }
  forward(x: tf.Tensor): tf.Tensor {
    const { mean, variance } = tf.moments(x, -1, true);
    return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-6))), this.gamma), this.beta);
  }
}

class EncoderBlock {
  wq: Dense; wk: Dense; wv: Dense; wo: Dense; ff1: Dense; ff2: Dense;
  ln1: LayerNormalization; ln2: LayerNormalization;
  constructor(private dModel: number, private numHeads: number, dff: number) {
    this.wq = new Dense(dModel, dModel); this.wk = new Dense(dModel, dModel);
    this.wv = new Dense(dModel, dModel); this.wo = new Dense(dModel, dModel);
    this.ff1 = new Dense(dModel, dff); this.ff2 = new Dense(dff, dModel);
    this.ln1 = new LayerNormalization(dModel); this.ln2 = new LayerNormalization(dModel);
  }
  forward(x: tf.Tensor, mask: tf.Tensor): tf.Tensor {
    const [b, s] = x.shape as number[];
    const q = this.wq.forward(x).reshape([b, s, this.dModel]);
    const k = this.wk.forward(x).reshape([b, s, this.dModel]);
    const v = this.wv.forward(x).reshape([b, s, this.dModel]);
    let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(this.dModel));
    scores = tf.add(scores, tf.mul(mask, -1e9));
    const attn = this.wo.forward(tf.matMul(tf.softmax(scores), v)).reshape([b, s, this.dModel]);
    const out1 = this.ln1.forward(tf.add(x, attn));
    const ffn = this.ff2.forward(tf.relu(this.ff1.forward(out1))).reshape([b, s, this.dModel]);
    return this.ln2.forward(tf.add(out1, ffn));
  }
  matrices(): tf.Variable[] {
    return [this.wq, this.wk, this.wv, this.wo, this.ff1, this.ff2].map(d => d.kernel);
  }
}

export class TransformerModel {
  embedding: tf.Variable;
  blocks: EncoderBlock[] = [];
  finalLayer: tf.Variable;
  constructor(public config: ModelConfig) {
    this.embedding = tf.variable(tf.randomNormal([config.vocabSize, config.dModel], 0, 0.02));
    for (let i = 0; i < config.numLayers; i++) {
      this.blocks.push(new EncoderBlock(config.dModel, config.numHeads, config.dff));
    }
    this.finalLayer = tf.variable(tf.randomNormal([config.dModel, config.vocabSize], 0, 0.02));
  }

  forward(inputIds: tf.Tensor, training = false): { logits: tf.Tensor } {
    const seqLen = inputIds.shape[1] as number;
    let x = tf.mul(tf.gather(this.embedding, inputIds), Math.sqrt(this.config.dModel));
    const mask = tf.sub(1, tf.linalg.bandPart(tf.ones([seqLen, seqLen]), -1, 0));
    for (const block of this.blocks) {
      x = block.forward(x, mask);
    }
    const logits = tf.matMul(x.reshape([-1, this.config.dModel]), this.finalLayer)
      .reshape([inputIds.shape[0] as number, seqLen, this.config.vocabSize]);
    return { logits };
  }

  matrixWeights(): tf.Variable[] {
    return [this.finalLayer, ...this.blocks.flatMap(b => b.matrices())];
  }
}
