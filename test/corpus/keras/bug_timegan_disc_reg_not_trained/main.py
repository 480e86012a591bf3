# Idiom seen in: mcps5601/TimeGAN-tensorflow2 main.py
# What it reproduces: the three-phase TimeGAN schedule (embedding, supervised, joint) with the discriminator
#   only updated when its loss is above 0.15; the sequences come from a data module the folder does not hold.
import argparse

import numpy as np
import tensorflow as tf

from data.data_utils import batch_generator, load_stock_windows  # not in this folder
from timegan import TimeGAN

if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--module_name', default='gru')
    parser.add_argument('--hidden_dim', default=24, type=int)
    parser.add_argument('--num_layers', default=3, type=int)
    parser.add_argument('--max_seq_len', default=24, type=int)
    parser.add_argument('--feature_dim', default=6, type=int)
    parser.add_argument('--iterations', default=10000, type=int)
    parser.add_argument('--batch_size', default=128, type=int)
    parser.add_argument('--d_weight_decay', default=1e-3, type=float)
    args = parser.parse_args()

    ori_data = load_stock_windows('data/stock_data.csv', seq_len=args.max_seq_len)
    model = TimeGAN(args)
    e_opt, s_opt = tf.keras.optimizers.Adam(), tf.keras.optimizers.Adam()
    g_opt, d_opt = tf.keras.optimizers.Adam(), tf.keras.optimizers.Adam()

    for it in range(args.iterations):
        X = batch_generator(ori_data, args.batch_size)
        model.recovery_forward(X, e_opt)
    for it in range(args.iterations):
        X = batch_generator(ori_data, args.batch_size)
        model.supervisor_forward(X, s_opt)
    for it in range(args.iterations):
        X = batch_generator(ori_data, args.batch_size)
        Z = np.random.uniform(size=(args.batch_size, args.max_seq_len, args.hidden_dim)).astype(np.float32)
        for _ in range(2):
            model.generator_forward(X, Z, g_opt)
            model.recovery_forward(X, e_opt)
        d_loss = model.discriminator_forward(X, Z, d_opt)
        if d_loss > 0.15:
            d_loss = model.discriminator_forward(X, Z, d_opt, train_D=True)
        if it % 1000 == 0:
            print('step {}: d_loss {:.4f}'.format(it, float(d_loss)))
