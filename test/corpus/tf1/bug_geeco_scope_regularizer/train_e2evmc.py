# Idiom seen in: ogroth/geeco scripts/train_e2evmc.py
# What it reproduces: the argparse entry point: the config record is copied with _replace(...) from the
#   command line, the Estimator is built around e2evmc_model_fn, and the input_fn comes from a data package
#   that is not part of this folder.
import argparse
import functools

import tensorflow as tf

from data.geeco_gym import pickplace_input_fn  # TFRecord reader, not part of this folder
from estimator import e2evmc_model_fn
from params import E2E_VMC_DEFAULT_CONFIG

ARGPARSER = argparse.ArgumentParser(description='Train E2E-VMC.')
ARGPARSER.add_argument('--dataset_dir', type=str, default='../data/gym-pick-pad2-cube2-v4')
ARGPARSER.add_argument('--model_dir', type=str, default='../logs/e2evmc')
ARGPARSER.add_argument('--lr', type=float, default=1e-4)
ARGPARSER.add_argument('--l2_reg', type=float, default=5e-4)
ARGPARSER.add_argument('--batch_size', type=int, default=32)
ARGPARSER.add_argument('--train_steps', type=int, default=300000)
ARGPARSER.add_argument('--log_steps', type=int, default=1000)


def main(args):
    config = E2E_VMC_DEFAULT_CONFIG._replace(lr=args.lr, l2_regularizer=args.l2_reg, batch_size=args.batch_size)
    run_config = tf.estimator.RunConfig(model_dir=args.model_dir, save_checkpoints_steps=10000)
    estimator = tf.estimator.Estimator(
        model_fn=e2evmc_model_fn, config=run_config,
        params={'e2evmc_config': config, 'log_steps': args.log_steps, 'debug': False})
    train_input = functools.partial(pickplace_input_fn, dataset_dir=args.dataset_dir, split_name='train',
                                    batch_size=config.batch_size, window_size=config.window_size)
    estimator.train(input_fn=train_input, max_steps=args.train_steps)


if __name__ == '__main__':
    tf.logging.set_verbosity(tf.logging.INFO)
    main(ARGPARSER.parse_args())
