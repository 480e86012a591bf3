# Idiom seen in: Joovvhan/dann_tf2.0 README.md
# Idiom seen in: Joovvhan/dann_tf2.0 src/preprocessing.py
# What it reproduces: the SVHN -> MNIST adaptation run that drives DANN_Model.train (the custom GradientTape step
# whose losses leave the layers' L2 regularization losses out; see models.py).
import argparse

import tensorflow as tf

from models import DANN_Model
from preprocessing import load_svhn, load_mnist_as_rgb

parser = argparse.ArgumentParser()
parser.add_argument('--model_type', default='SVHN', choices=['MNIST', 'SVHN'])
parser.add_argument('--batch_size', type=int, default=64)
parser.add_argument('--max_step', type=int, default=10000)
parser.add_argument('--lr', type=float, nargs=3, default=[0.001, 0.001, 0.0005])


def main():
    args = parser.parse_args()
    (x_source, y_source), _ = load_svhn()
    (x_target, _), _ = load_mnist_as_rgb()

    source_ds = tf.data.Dataset.from_tensor_slices((x_source, y_source)).shuffle(10000).repeat().batch(args.batch_size)
    target_ds = tf.data.Dataset.from_tensor_slices(x_target).shuffle(10000).repeat().batch(args.batch_size)

    model = DANN_Model(input_shape=(32, 32, 3), model_type=args.model_type, lr=args.lr)

    for step, ((x_class, y_class), x_domain) in enumerate(zip(source_ds, target_ds)):
        if step >= args.max_step:
            break
        model.train(x_class, y_class, x_domain)
        if step % 100 == 0:
            print(step, float(model.train_lp_loss.result()), float(model.train_dc_loss.result()))
            model.train_lp_loss.reset_states()
            model.train_dc_loss.reset_states()


if __name__ == '__main__':
    main()
