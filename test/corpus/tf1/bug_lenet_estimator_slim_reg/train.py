# Idiom seen in: zhongh3/cs5242-project train.py
# Idiom seen in: zhongh3/cs5242-project model_fn.py
# What it reproduces: the real repository's bug: slim layers in le_net.py carry weights_regularizer=slim.l2_regularizer(...),
#   but the Estimator model_fn minimizes only the mean cross entropy with Adam, so REGULARIZATION_LOSSES is never read.
import argparse

import tensorflow as tf

from load_data import load_train_set, load_valid_set
from model_fn import model_fn
import setting


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--data_dir', default='./data')
    parser.add_argument('--steps', type=int, default=setting.num_steps)
    args = parser.parse_args()

    x_train, y_train = load_train_set(args.data_dir)
    x_valid, y_valid = load_valid_set(args.data_dir)

    model = tf.estimator.Estimator(model_fn, model_dir=setting.model_dir)

    train_input_fn = tf.estimator.inputs.numpy_input_fn(
        x={'file': x_train}, y=y_train,
        batch_size=setting.batch_size, num_epochs=None, shuffle=True)
    model.train(train_input_fn, steps=args.steps)

    valid_input_fn = tf.estimator.inputs.numpy_input_fn(
        x={'file': x_valid}, y=y_valid,
        batch_size=setting.batch_size, shuffle=False)
    print(model.evaluate(valid_input_fn))


if __name__ == '__main__':
    main()
