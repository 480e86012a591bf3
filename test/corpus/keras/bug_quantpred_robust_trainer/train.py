# Idiom seen in: amberT15/QuantPred wandb_train.py
# Idiom seen in: amberT15/QuantPred custom_fit.py
# What it reproduces: the driver: builds basenji_residual with config['l2'] = 1e-6 and trains it through
#   RobustTrainer with a Poisson loss, so the regularizers are dead (WD103 is reported in modelzoo.py).
import argparse
import tensorflow as tf

import util
import modelzoo
import custom_fit
from loss import poisson

parser = argparse.ArgumentParser()
parser.add_argument('--data_dir', default='datasets/i_3072_w_1')
parser.add_argument('--epochs', type=int, default=60)
parser.add_argument('--lr', type=float, default=1e-3)
parser.add_argument('--window_size', type=int, default=2048)
parser.add_argument('--bin_size', type=int, default=32)
args = parser.parse_args()

config = {'filtN_1': 64, 'filtN_2': 64, 'filtN_3': 128, 'tower_repeat': 3, 'dilation_repeat': 4, 'l2': 1e-6}
trainset, validset, testset = util.make_dataset(args.data_dir, split=('train', 'valid', 'test'))
input_shape, output_shape = util.load_stats(args.data_dir, args.window_size, args.bin_size)

model = modelzoo.basenji_residual(input_shape, output_shape, config)
optimizer = tf.keras.optimizers.Adam(learning_rate=args.lr)
trainer = custom_fit.RobustTrainer(model, poisson(), optimizer, args.window_size, args.bin_size)
for epoch in range(args.epochs):
    trainer.robust_train_epoch(trainset.shuffle(1024).batch(64), num_step=None)
model.save('model_basenji_residual.h5')
