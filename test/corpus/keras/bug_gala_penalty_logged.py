# Idiom seen in: sseung0703/GALA_TF2.0 op_util.py
# What it reproduces: the GALA step with the hand-written penalty pulled out to its own name for logging.
#   User mistake: total_loss (reconstruction + penalty) goes only to the metric, while tape.gradient is
#   given the bare reconstruction loss, so the penalty never reaches the update (WD104).
import argparse

import tensorflow as tf

from dataloader import Dataloader
from nets import GALA

parser = argparse.ArgumentParser(description='')
parser.add_argument("--dataset", default="COIL20", type=str)
parser.add_argument("--learning_rate", default=1e-4, type=float)
parser.add_argument("--weight_decay", default=5e-4, type=float)
parser.add_argument("--train_epoch", default=1000, type=int)
args = parser.parse_args()


def Optimizer(model, LR):
    optimizer = tf.keras.optimizers.Adam(LR)
    train_loss = tf.keras.metrics.Mean(name='train_loss')
    train_l2 = tf.keras.metrics.Mean(name='train_l2')

    @tf.function
    def training(inputs, weight_decay):
        with tf.GradientTape() as tape:
            generated = model(inputs, training=True)
            loss = tf.reduce_sum(tf.square(inputs - generated)) / 2 / inputs.shape[0]
            l2 = tf.add_n([tf.reduce_sum(tf.square(v)) for v in model.trainable_variables]) * weight_decay / 2  # expect: WD104
            total_loss = loss + l2
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        train_loss.update_state(total_loss)
        train_l2.update_state(l2)

    return training, train_loss, train_l2


if __name__ == '__main__':
    features, labels, adjacency = Dataloader(args.dataset)
    model = GALA.Model(adjacency, hidden=[500], latent=128)
    training, train_loss, train_l2 = Optimizer(model, args.learning_rate)
    for epoch in range(args.train_epoch):
        training(features, args.weight_decay)
        if epoch % 50 == 0:
            print(epoch, train_loss.result().numpy(), train_l2.result().numpy())
