# Idiom seen in: rs-station/abismal abismal/optimizers/adamw.py
# Idiom seen in: rs-station/abismal abismal/layers/feed_forward.py
# What it reproduces: the abismal-style feed-forward model trained with tf_keras AdamW and no layer
#   regularizers; exclude_from_weight_decay keeps biases and LayerNormalization parameters out of the
#   decoupled decay. Clean.
import argparse

import tf_keras as tfk

from io_utils import load_reflections


def build_model(width, depth):
    inputs = tfk.Input(shape=(16,))
    out = tfk.layers.Dense(width)(inputs)
    for _ in range(depth):
        h = tfk.layers.LayerNormalization()(out)
        h = tfk.layers.Dense(2 * width, activation='relu')(h)
        out = out + tfk.layers.Dense(width)(h)
    return tfk.Model(inputs, tfk.layers.Dense(2)(out))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('inputs', nargs='+')
    parser.add_argument('--learning-rate', type=float, default=1e-3)
    parser.add_argument('--weight-decay', type=float, default=0.004)
    args = parser.parse_args()

    train_ds, test_ds = load_reflections(args.inputs)
    model = build_model(32, 4)
    opt = tfk.optimizers.AdamW(learning_rate=args.learning_rate, weight_decay=args.weight_decay)
    opt.exclude_from_weight_decay(var_names=['bias', 'layer_normalization'])
    model.compile(optimizer=opt, loss='mse')
    model.fit(train_ds, validation_data=test_ds, epochs=30)


if __name__ == '__main__':
    main()
