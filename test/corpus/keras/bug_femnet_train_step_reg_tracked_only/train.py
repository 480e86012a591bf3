# Idiom seen in: RiccardoBiondi/3DFemNet Model/model.py
# Idiom seen in: RiccardoBiondi/3DFemNet Network/layers.py
# Idiom seen in: RiccardoBiondi/3DFemNet Network/UNet3D.py
# What it reproduces: the repo's CustomModel.train_step with Conv3D factories given kernel_regularizer
# (a user addition); the step sums self.losses into a tracked metric but (a user mistake; the repo passes
# regularization_losses=self.losses) differentiates compiled_loss(y, y_pred) without it.
import argparse

import tensorflow as tf

from cost_functions import dice_loss, dice_coef
from input import load_training_pairs
from model import CustomModel
from unet3d import UNet3D


def parse_args():
    parser = argparse.ArgumentParser(description='Train the 3D UNet on femur CT volumes')
    parser.add_argument('--data', dest='data', required=True, type=str)
    parser.add_argument('--epochs', dest='epochs', default=100, type=int)
    parser.add_argument('--lr', dest='lr', default=1e-3, type=float)
    parser.add_argument('--weight_decay', dest='weight_decay', default=1e-4, type=float)
    parser.add_argument('--output', dest='output', default='femnet_weights.h5', type=str)
    return parser.parse_args()


def main():
    args = parse_args()
    config = {'n_blocks': 3, 'filter': 16, 'weight_decay': args.weight_decay}

    inputs, outputs = UNet3D(config)()
    model = CustomModel(inputs=inputs, outputs=outputs)
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=args.lr),
                  loss=dice_loss, metrics=[dice_coef])

    train_ds, valid_ds = load_training_pairs(args.data)
    model.fit(train_ds, validation_data=valid_ds, epochs=args.epochs)
    model.save_weights(args.output)


if __name__ == '__main__':
    main()
