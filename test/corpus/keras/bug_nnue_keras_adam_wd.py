# Idiom seen in: cristivlas/sturddle-2 tools/nnue/train.py
# What it reproduces: NNUE-style Keras trainer whose optimizer factory passes
# weight_decay=args.decay if args.decay else None to tf.keras.optimizers.Adam (--decay defaults to 1e-4);
# Keras applies it to every trainable variable, biases included, with no exclusion (WD203 on weight_decay=).
import argparse

import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense, Input

from dataio import load_memmap


def build_model(args):
    inputs = Input(shape=(897,), name='features')
    hidden = Dense(512, activation='relu', name='hidden_1')(inputs)
    hidden = Dense(16, activation='relu', name='hidden_2')(hidden)
    hidden = Dense(16, activation='relu', name='hidden_3')(hidden)
    outputs = Dense(1, activation=None, name='eval')(hidden)
    return tf.keras.models.Model(inputs=inputs, outputs=outputs, name=args.name)


def make_optimizer(args):
    if args.optimizer in ['adam', 'amsgrad']:
        return tf.keras.optimizers.Adam(
            amsgrad=args.optimizer == 'amsgrad',
            beta_1=0.99,
            beta_2=0.995,
            clipnorm=args.clip_norm,
            learning_rate=args.learn_rate,
            weight_decay=args.decay if args.decay else None)  # expect: WD203
    raise ValueError(args.optimizer)


def main(args):
    model = build_model(args)
    model.compile(optimizer=make_optimizer(args), loss=tf.keras.losses.MeanAbsoluteError())
    x, y = load_memmap(args.input)
    model.fit(x, np.clip(y, -args.clip, args.clip), batch_size=args.batch_size, epochs=args.epochs,
              validation_split=0.05, shuffle=True)
    model.save(args.name + '.h5')


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('input')
    parser.add_argument('--name', default='nnue')
    parser.add_argument('--optimizer', choices=['adam', 'amsgrad'], default='amsgrad')
    parser.add_argument('--learn-rate', dest='learn_rate', type=float, default=1e-3)
    parser.add_argument('--decay', type=float, default=1e-4)
    parser.add_argument('--clip-norm', dest='clip_norm', type=float, default=1.0)
    parser.add_argument('--clip', type=float, default=3.0)
    parser.add_argument('--batch-size', dest='batch_size', type=int, default=8192)
    parser.add_argument('--epochs', type=int, default=100)
    main(parser.parse_args())
