# Idiom seen in: solivr/tf-crnn train.py
# What it reproduces: the Estimator entry point for handwritten-line OCR: argparse options become the
#   params dict of crnn_fn, with input_fn from a data_handler module the folder does not hold.
import argparse
import os

import tensorflow as tf

from data_handler import data_loader  # csv/image input_fn, not in this folder
from model import crnn_fn

if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('-ft', '--csv_files_train', required=True, type=str, help='CSV training file')
    parser.add_argument('-fe', '--csv_files_eval', type=str, help='CSV evaluation file')
    parser.add_argument('-o', '--output_model_dir', required=True, type=str)
    parser.add_argument('-n', '--nb-epochs', default=30, type=int)
    parser.add_argument('-r', '--learning_rate', default=1e-3, type=float)
    parser.add_argument('-wd', '--weight_decay', default=1e-4, type=float)
    parser.add_argument('-bs', '--batch_size', default=64, type=int)
    parser.add_argument('-g', '--gpu', type=str, default='0')
    args = parser.parse_args()

    os.environ['CUDA_VISIBLE_DEVICES'] = args.gpu
    params = {
        'n_classes': 80,
        'learning_rate': args.learning_rate,
        'decay_steps': 10000,
        'decay_rate': 0.98,
        'optimizer': 'adam',
        'weight_decay': args.weight_decay,
    }
    config = tf.estimator.RunConfig(model_dir=args.output_model_dir, save_checkpoints_steps=1000)
    estimator = tf.estimator.Estimator(model_fn=crnn_fn, params=params, config=config)

    for epoch in range(args.nb_epochs):
        estimator.train(input_fn=data_loader(csv_filename=args.csv_files_train,
                                             batch_size=args.batch_size, data_augmentation=True))
        if args.csv_files_eval:
            estimator.evaluate(input_fn=data_loader(csv_filename=args.csv_files_eval,
                                                    batch_size=args.batch_size))
