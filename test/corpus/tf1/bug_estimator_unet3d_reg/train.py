# Idiom seen in: Matin9THP/tf_src model_fn.py
# What it reproduces: 3D U-Net Estimator whose conv3d blocks get kernel_regularizer=l2_regularizer(params["weight_decay"])
#   (a user addition; the repo had no decay), while model_fn minimizes only the weighted softmax cross entropy:
#   REGULARIZATION_LOSSES is never read, so the decay is dead.
import argparse

import numpy as np
import tensorflow as tf

from input_fn import train_input_fn, eval_input_fn
from model_fn import model_fn


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--model_dir', default='experiments/unet3d')
    parser.add_argument('--data_dir', default='data/prostate')
    parser.add_argument('--weight_decay', type=float, default=1e-4)
    parser.add_argument('--learning_rate', type=float, default=1e-4)
    parser.add_argument('--train_steps', type=int, default=20000)
    args = parser.parse_args()

    params = {
        'depth': 3,
        'n_base_filters': 16,
        'num_classes': 3,
        'class_weights': np.array([0.1, 1.0, 1.0]),
        'learning_rate': args.learning_rate,
        'weight_decay': args.weight_decay,
        'batch_norm': True,
    }
    config = tf.estimator.RunConfig(model_dir=args.model_dir, save_checkpoints_steps=500)
    estimator = tf.estimator.Estimator(model_fn=model_fn, params=params, config=config)
    train_spec = tf.estimator.TrainSpec(input_fn=lambda: train_input_fn(args.data_dir), max_steps=args.train_steps)
    eval_spec = tf.estimator.EvalSpec(input_fn=lambda: eval_input_fn(args.data_dir))
    tf.estimator.train_and_evaluate(estimator, train_spec, eval_spec)


if __name__ == '__main__':
    main()
