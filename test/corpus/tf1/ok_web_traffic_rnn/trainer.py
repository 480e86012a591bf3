# Idiom seen in: Arturus/kaggle-web-traffic model.py, hparams.py, trainer.py
# What it reproduces: the Wikipedia traffic forecasting seq2seq (1st place solution): RNN activation/stability
#   losses summed into the SMAPE loss, and make_train_op() that adds tf.get_collection(REGULARIZATION_LOSSES)
#   before compute_gradients. The fingerprint encoder here carries an l2 kernel_regularizer (not in the repo);
#   make_train_op picks its term up, so the program is clean.
import argparse

import tensorflow as tf

from hparams import build_hparams
from input_pipe import InputPipe, ModelMode
from model import Model


def train(name, hparams, n_steps, seed=None, asgd_decay=0.99):
    with tf.Graph().as_default():
        tf.set_random_seed(seed)
        tf.train.create_global_step()
        inp = InputPipe(ModelMode.TRAIN, batch_size=hparams.batch_size, train_window=hparams.train_window)
        model = Model(inp, hparams, is_train=True, seed=seed, asgd_decay=asgd_decay)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            inp.init_iterator(sess)
            for step in range(n_steps):
                _, smape = sess.run([model.train_op, model.smape])
                if step % 100 == 0:
                    print('%s step %d: smape %.4f' % (name, step, smape))


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='Train the model')
    parser.add_argument('--name', default='s32', help='Model name to identify different logs/checkpoints')
    parser.add_argument('--hparam_set', default='s32')
    parser.add_argument('--n_steps', type=int, default=10000)
    parser.add_argument('--seed', type=int, default=5)
    args = parser.parse_args()
    train(args.name, build_hparams(args.hparam_set), args.n_steps, seed=args.seed)
