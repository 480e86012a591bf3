// Idiom seen in: taylorhansen/pokemonshowdown-ai src/train/learn/loss.ts
// What it reproduces: the policy-gradient loss (pg + value + entropy terms summed with tf.addN); the layers'
// regularization terms from model.calculateLosses() join the same sum, inside the function being differentiated.
import * as tf from "@tensorflow/tfjs";

export interface LossArgs {
    readonly model: tf.LayersModel;
    readonly state: tf.Tensor[];
    readonly action: tf.Tensor;
    readonly returns: tf.Tensor;
    readonly advantage: tf.Tensor;
    readonly valueCoeff: number;
    readonly entropyCoeff: number;
}

export interface LossResult {
    loss: tf.Scalar;
    pgLoss: tf.Scalar;
    vLoss?: tf.Scalar;
    regLoss?: tf.Scalar;
}

export function loss({model, state, action, returns, advantage, valueCoeff, entropyCoeff}: LossArgs): LossResult {
    return tf.tidy("loss", function lossImpl() {
        const [probs, stateValue] = model.predictOnBatch(state) as tf.Tensor[];
        const mask = tf.oneHot(action, 10);
        const actProbs = tf.sum(tf.mul(mask, probs), 1);

        const pgLoss = tf.keep(tf.neg(tf.mean(tf.mul(tf.log(actProbs), advantage))).asScalar());
        const losses: tf.Scalar[] = [pgLoss];
        const result: LossResult = {loss: pgLoss, pgLoss};

        if (valueCoeff) {
            result.vLoss = tf.keep(tf.losses.meanSquaredError(returns, stateValue.reshapeAs(returns)).asScalar());
            losses.push(tf.mul(result.vLoss, valueCoeff));
        }
        if (entropyCoeff) {
            const negEnt = tf.mean(tf.sum(tf.mul(probs, tf.log(probs)), -1)).asScalar();
            losses.push(tf.mul(negEnt, entropyCoeff));
        }

        const regTerms = model.calculateLosses();
        if (regTerms.length > 0) {
            result.regLoss = tf.keep(tf.addN(regTerms).asScalar());
            losses.push(result.regLoss);
        }

        if (losses.length > 1) result.loss = tf.keep(tf.addN(losses));
        return result;
    });
}
