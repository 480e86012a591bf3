# Idiom seen in: rs-station/abismal abismal/optimizers/adamw.py
# Idiom seen in: rs-station/abismal abismal/command_line/parser/optimizer.py
# What it reproduces: the command-line training of the Scaler from layers.py with tf_keras AdamW: its
#   weight_decay (decoupled) decays every variable, the LayerNormalization scales and Dense biases included,
#   with no exclude_from_weight_decay (WD203), on top of the L2 kernel_regularizers of layers.py (WD201 there).
import argparse

import tf_keras as tfk

from layers import Scaler
from io_utils import load_reflections

parser = argparse.ArgumentParser()
parser.add_argument('inputs', nargs='+')
parser.add_argument('--learning-rate', type=float, default=1e-3)
parser.add_argument('--weight-decay', type=float, default=0.004)
parser.add_argument('--kernel-l2', type=float, default=1e-3)
parser.add_argument('--epochs', type=int, default=30)
parser.add_argument('--mlp-width', type=int, default=32)


def main():
    args = parser.parse_args()
    train_ds, test_ds = load_reflections(args.inputs)
    model = Scaler(mlp_width=args.mlp_width, kernel_l2=args.kernel_l2)
    opt = tfk.optimizers.AdamW(
        learning_rate=args.learning_rate,
        weight_decay=args.weight_decay,  # expect: WD203
        beta_1=0.9, beta_2=0.99, epsilon=1e-9,
    )
    model.compile(optimizer=opt, loss='mse')
    model.fit(train_ds, validation_data=test_ds, epochs=args.epochs)


if __name__ == '__main__':
    main()
