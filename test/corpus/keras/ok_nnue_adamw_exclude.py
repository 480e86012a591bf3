# Idiom seen in: cristivlas/sturddle-2 tools/nnue/train.py
# What it reproduces: the same NNUE-style Keras trainer with decoupled AdamW(weight_decay=args.decay) and a
# single exclude_from_weight_decay call naming the biases and the normalization layer, so only kernels decay;
# no layer regularizers, compiled and fit: clean.
import argparse

import tensorflow as tf
from tensorflow.keras.layers import Dense, Input, LayerNormalization

from dataio import load_memmap


def build_model():
    inputs = Input(shape=(897,), name='features')
    x = Dense(512, activation='relu', name='hidden_1')(inputs)
    x = LayerNormalization(name='norm')(x)
    x = Dense(32, activation='relu', name='hidden_2')(x)
    return tf.keras.models.Model(inputs, Dense(1, name='eval')(x))


def main(args):
    model = build_model()
    optimizer = tf.keras.optimizers.AdamW(learning_rate=args.learn_rate, weight_decay=args.decay,
                                          beta_1=0.99, beta_2=0.995, clipnorm=args.clip_norm)
    optimizer.exclude_from_weight_decay(var_names=['bias', 'norm'])
    model.compile(optimizer=optimizer, loss='mae')
    x, y = load_memmap(args.input)
    model.fit(x, y, batch_size=args.batch_size, epochs=args.epochs, validation_split=0.05)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('input')
    parser.add_argument('--learn-rate', dest='learn_rate', type=float, default=1e-3)
    parser.add_argument('--decay', type=float, default=0.01)
    parser.add_argument('--clip-norm', dest='clip_norm', type=float, default=1.0)
    parser.add_argument('--batch-size', dest='batch_size', type=int, default=8192)
    parser.add_argument('--epochs', type=int, default=100)
    main(parser.parse_args())
