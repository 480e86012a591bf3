// Idiom seen in: uni-3/tfjs-playground src/components/PolynomialPage.js
// What it reproduces: the React playground page that fits a cubic with tf.variable coefficients and
//   optimizer.minimize(() => loss); a ridge term on the non-intercept coefficients is added to the returned
//   loss inside the minimized closure (the repo's page had no penalty). Clean: the penalty is trained on.
import React, { Component } from 'react';
import * as tf from '@tensorflow/tfjs';
import { generateData } from '../utils/data';
import Chart from './Chart';

export default class PolynomialRidgePage extends Component {
  state = {
    epochs: 200,
    learningRate: 0.1,
    lambda: 0.01,
    trueCoeff: { a: -0.8, b: -0.2, c: 0.9, d: 0.5 },
    lossArray: [],
  };

  predictOutput = (event) => {
    event.preventDefault();
    const { epochs, learningRate, lambda, trueCoeff } = this.state;
    const trainingData = generateData(100, trueCoeff);

    const a = tf.variable(tf.scalar(Math.random()));
    const b = tf.variable(tf.scalar(Math.random()));
    const c = tf.variable(tf.scalar(Math.random()));
    const d = tf.variable(tf.scalar(Math.random()));

    const f = (x) => tf.tidy(() => a.mul(x.pow(tf.scalar(3, 'int32'))).add(b.mul(x.square())).add(c.mul(x)).add(d));
    const mse = (output, y) => output.sub(y).square().mean();

    const optimizer = tf.train.sgd(learningRate);
    for (let i = 0; i < epochs; i++) {
      optimizer.minimize(() => {
        const dataLoss = mse(f(trainingData.xs), trainingData.ys);
        const ridge = tf.mul(lambda, tf.sum(tf.square(tf.stack([a, b, c]))));
        const currentLoss = tf.add(dataLoss, ridge);
        if (i % 10 === 0) {
          currentLoss.data().then((data) => {
            this.setState({ lossArray: [...this.state.lossArray, [i, Number(data)]] });
          });
        }
        return currentLoss;
      });
    }

    this.setState({
      learnedCoeff: { a: a.dataSync(), b: b.dataSync(), c: c.dataSync(), d: d.dataSync() },
    });
  };

  render() {
    return (
      <div>
        <form onSubmit={this.predictOutput}>
          <input name="lambda" type="number" step="0.001" defaultValue={this.state.lambda}
                 onChange={(e) => this.setState({ lambda: Number(e.target.value) })} />
          <button type="submit">Train</button>
        </form>
        <Chart data={this.state.lossArray} />
      </div>
    );
  }
}
