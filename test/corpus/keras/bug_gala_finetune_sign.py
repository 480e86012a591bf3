# Idiom seen in: sseung0703/GALA_TF2.0 op_util.py
# What it reproduces: GALA's finetuning step (reconstruction + subspace-clustering term + hand-written L2),
#   written by the user as one expression with a sign slip: the L2 term is subtracted from the loss, so the
#   optimizer grows the weights instead of shrinking them (WD302).
import argparse

import tensorflow as tf

from dataloader import Dataloader
from nets import GALA, SVD

parser = argparse.ArgumentParser(description='')
parser.add_argument("--dataset", default="COIL20", type=str)
parser.add_argument("--learning_rate", default=1e-5, type=float)
parser.add_argument("--weight_decay", default=5e-4, type=float)
parser.add_argument("--k", default=20, type=int)
parser.add_argument("--tune_epoch", default=200, type=int)
args = parser.parse_args()

LAMBDA = 5e1
MU = 1.


def Finetuner(model, LR):
    optimizer_tune = tf.keras.optimizers.Adam(LR)
    train_loss = tf.keras.metrics.Mean(name='train_loss')

    @tf.function
    def finetuning(inputs, weight_decay, k):
        with tf.GradientTape() as tape:
            generated = model(inputs, training=True)
            loss = tf.reduce_sum(tf.square(inputs - generated)) / 2 / inputs.shape[0]
            H = model.H
            HHT = tf.matmul(H, H, transpose_a=True)
            s, u, v = SVD.SVD(tf.expand_dims(MU * tf.eye(HHT.shape[0]) + LAMBDA * HHT, 0), k)
            scc_loss = MU * LAMBDA / 2 * tf.linalg.trace(
                tf.matmul(tf.squeeze(tf.matmul(v, u / tf.reshape(s, [1, 1, k]), transpose_b=True)), HHT))
            total_loss = loss + scc_loss - weight_decay * tf.add_n([tf.reduce_sum(tf.square(w)) for w in model.trainable_variables])  # expect: WD302
        gradients = tape.gradient(total_loss, model.trainable_variables)
        optimizer_tune.apply_gradients(zip(gradients, model.trainable_variables))
        train_loss.update_state(loss)

    return finetuning, train_loss


if __name__ == '__main__':
    features, labels, adjacency = Dataloader(args.dataset)
    model = GALA.Model(adjacency, hidden=[500], latent=128)
    model.load_weights('pretrained/gala_' + args.dataset)
    finetuning, train_loss = Finetuner(model, args.learning_rate)
    for epoch in range(args.tune_epoch):
        finetuning(features, args.weight_decay, args.k)
    print(train_loss.result().numpy())
