# Idiom seen in: OlivierCodol/MotorNet notebooks/jonathans_playground/ET_train_script.py (network built with small kernel/recurrent regularizer weights, wrapped in keras RNN, compiled then fit on task-generated batches)
# What it reproduces: the driver that builds the regularized policy and trains it through compile/fit, which calls the overridden train_step. Clean.
import argparse

import tensorflow as tf

from layers import GRUPolicy
from models import ControllerModel
from tasks import CentreOutReach  # not in this folder


def build(args, task):
    policy = GRUPolicy(n_outputs=task.n_muscles, n_units=args.n_units,
                       kernel_regularizer=args.kernel_reg,
                       recurrent_regularizer=args.recurrent_reg,
                       hidden_noise_sd=args.noise)
    inputs = tf.keras.Input((None, task.input_dim), name='inputs')
    outputs = tf.keras.layers.RNN(policy, return_sequences=True, name='rnn')(inputs)
    model = ControllerModel(inputs=inputs, outputs=outputs, task=task)
    model.compile(optimizer=tf.optimizers.Adam(learning_rate=args.lr, clipnorm=1.),
                  loss=task.loss)
    return model


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--n_units', type=int, default=50)
    parser.add_argument('--kernel_reg', type=float, default=1e-6)
    parser.add_argument('--recurrent_reg', type=float, default=1e-5)
    parser.add_argument('--noise', type=float, default=1e-3)
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--n_batches', type=int, default=20000)
    parser.add_argument('--batch_size', type=int, default=64)
    args = parser.parse_args()

    task = CentreOutReach(n_timesteps=100)
    model = build(args, task)
    x, y = task.generate(n_trials=args.n_batches * args.batch_size)
    model.fit(x, y, batch_size=args.batch_size, epochs=1, verbose=1)
    model.save_model('controller_%d' % args.n_units)


if __name__ == '__main__':
    main()
