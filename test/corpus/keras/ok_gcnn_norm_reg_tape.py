# Idiom seen in: aimat-lab/gcnn_keras kgcnn/layers/modules.py
# Idiom seen in: aimat-lab/gcnn_keras kgcnn/literature/CGCNN/_layers.py
# What it reproduces: custom Keras layers that keep regularizers via ks.regularizers.get(...) and create their
# weights with add_weight(regularizer=...), plus kernel_args handed on to inner Dense layers; the custom
# GradientTape loop adds tf.add_n(model.losses) to the loss it differentiates: clean.
import argparse

import tensorflow as tf
import tensorflow.keras as ks

from datasets import load_crystal_dataset


class AtomEmbedding(ks.layers.Layer):

    def __init__(self, input_dim, output_dim, embeddings_regularizer=None, **kwargs):
        super().__init__(**kwargs)
        self.embeddings_regularizer = ks.regularizers.get(embeddings_regularizer)
        self.embeddings = self.add_weight(name='embeddings', shape=(input_dim, output_dim),
                                          initializer='uniform',
                                          regularizer=self.embeddings_regularizer, trainable=True)

    def call(self, inputs):
        return tf.gather(self.embeddings, inputs)


class CGCNNConv(ks.layers.Layer):

    def __init__(self, units, kernel_regularizer=None, bias_regularizer=None, **kwargs):
        super().__init__(**kwargs)
        kernel_args = {'kernel_regularizer': kernel_regularizer, 'bias_regularizer': bias_regularizer}
        self.gate = ks.layers.Dense(units, activation='sigmoid', **kernel_args)
        self.core = ks.layers.Dense(units, activation='softplus', **kernel_args)

    def call(self, inputs):
        return inputs + self.gate(inputs) * self.core(inputs)


def make_model(units, depth, wd):
    inputs = ks.Input(shape=(None,), dtype='int32')
    x = AtomEmbedding(95, units, embeddings_regularizer=ks.regularizers.l2(wd))(inputs)
    for _ in range(depth):
        x = CGCNNConv(units, kernel_regularizer=ks.regularizers.l2(wd))(x)
    x = tf.reduce_mean(x, axis=1)
    return ks.Model(inputs, ks.layers.Dense(1)(x))


def main(args):
    model = make_model(args.units, args.depth, args.wd)
    optimizer = ks.optimizers.Adam(args.lr)
    loss_fn = ks.losses.MeanAbsoluteError()

    @tf.function
    def train_step(x, y):
        with tf.GradientTape() as tape:
            pred = model(x, training=True)
            loss = loss_fn(y, pred) + tf.add_n(model.losses)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    for epoch in range(args.epochs):
        for x, y in load_crystal_dataset(batch_size=64):
            loss = train_step(x, y)
        print(epoch, float(loss))


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--units', type=int, default=64)
    p.add_argument('--depth', type=int, default=3)
    p.add_argument('--wd', type=float, default=1e-5)
    p.add_argument('--lr', type=float, default=5e-4)
    p.add_argument('--epochs', type=int, default=300)
    main(p.parse_args())
