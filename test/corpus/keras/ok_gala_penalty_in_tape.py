# Idiom seen in: sseung0703/GALA_TF2.0 op_util.py
# Idiom seen in: sseung0703/GALA_TF2.0 train.py
# What it reproduces: a graph-autoencoder training step that adds the L2 penalty by hand inside the
#   GradientTape, `total_loss += tf.add_n([sum(v**2) * weight_decay / 2 for v in model.trainable_variables])`,
#   guarded by `if weight_decay > 0.`, with weight_decay=5e-4 passed on every call; Keras Adam without
#   weight_decay. Clean: the penalty is in the differentiated loss, once.
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

    @tf.function
    def training(inputs, weight_decay):
        with tf.GradientTape() as tape:
            generated = model(inputs, training=True)
            loss = tf.reduce_sum(tf.square(inputs - generated)) / 2 / inputs.shape[0]
            total_loss = loss
            if weight_decay > 0.:
                total_loss += tf.add_n([tf.reduce_sum(tf.square(v)) * weight_decay / 2
                                        for v in model.trainable_variables])
        gradients = tape.gradient(total_loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        train_loss.update_state(loss)

    return training, train_loss


if __name__ == '__main__':
    features, labels, adjacency = Dataloader(args.dataset)
    model = GALA.Model(adjacency, hidden=[500], latent=128)
    training, train_loss = Optimizer(model, args.learning_rate)
    for epoch in range(args.train_epoch):
        training(features, args.weight_decay)
        if epoch % 50 == 0:
            print(epoch, train_loss.result().numpy())
            train_loss.reset_states()
