# Idiom seen in: jlfilho/sr-tf2 models/Model.py
# Idiom seen in: jlfilho/sr-tf2 models/espcn/model_espcn.py
# Idiom seen in: jlfilho/sr-tf2 train.py
# What it reproduces: a video super-resolution Model subclass whose train_step logs per-variable
#   gradient summaries and computes self.compiled_loss(y, y_pred, regularization_losses=self.losses);
#   the ESPCN layers carry kernel l2 regularizers and training goes through compile/fit: clean.
import argparse

import tensorflow as tf

from dataset import Dataset
from metrics import psnr, ssim
from model_espcn import espcn


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--scale', type=int, default=2)
    parser.add_argument('--learning_rate', type=float, default=1e-3)
    parser.add_argument('--weight_decay', type=float, default=1e-5)
    parser.add_argument('--num_epochs', type=int, default=100)
    parser.add_argument('--logdir', default='logs/train')
    parser.add_argument('--train_path', default='datasets/train.tfrecords')
    args = parser.parse_args()

    file_writer_cm = tf.summary.create_file_writer(args.logdir + '/metrics')
    train_batch = Dataset(args.train_path, scale_factor=args.scale).get_data(shuffle=True)
    model = espcn(scale_factor=args.scale, weight_decay=args.weight_decay,
                  file_writer_cm=file_writer_cm)
    opt = tf.keras.optimizers.Adam(learning_rate=args.learning_rate, clipnorm=1.0)
    model.compile(optimizer=opt, loss=tf.keras.losses.MeanSquaredError(), metrics=[psnr, ssim])
    model.fit(train_batch, epochs=args.num_epochs, verbose=1,
              callbacks=[tf.keras.callbacks.TensorBoard(log_dir=args.logdir)])
    model.save('saved_model/espcn/')


if __name__ == '__main__':
    main()
