# Idiom seen in: yu4u/age-gender-estimation wide_resnet.py
# Idiom seen in: yu4u/age-gender-estimation train.py
# What it reproduces: WideResNet puts l2(self._weight_decay) on conv and dense kernels (no bias), and the
# two-output model is trained with compile + fit, which adds model.losses itself (clean).
import argparse
import logging

import numpy as np
from keras.callbacks import LearningRateScheduler, ModelCheckpoint
from keras.optimizers import SGD, Adam
from keras.utils import np_utils

from utils import load_data
from wide_resnet import WideResNet

logging.basicConfig(level=logging.DEBUG)


class Schedule:
    def __init__(self, nb_epochs, initial_lr):
        self.epochs = nb_epochs
        self.initial_lr = initial_lr

    def __call__(self, epoch_idx):
        if epoch_idx < self.epochs * 0.25:
            return self.initial_lr
        elif epoch_idx < self.epochs * 0.50:
            return self.initial_lr * 0.2
        elif epoch_idx < self.epochs * 0.75:
            return self.initial_lr * 0.04
        return self.initial_lr * 0.008


def get_args():
    parser = argparse.ArgumentParser(description='This script trains the CNN model for age and gender estimation.')
    parser.add_argument('--input', '-i', type=str, required=True, help='path to input database mat file')
    parser.add_argument('--batch_size', type=int, default=32)
    parser.add_argument('--nb_epochs', type=int, default=30)
    parser.add_argument('--lr', type=float, default=0.1)
    parser.add_argument('--depth', type=int, default=16)
    parser.add_argument('--width', type=int, default=8)
    parser.add_argument('--validation_split', type=float, default=0.1)
    parser.add_argument('--opt', type=str, default='sgd', help='optimizer name; sgd or adam')
    return parser.parse_args()


def get_optimizer(opt_name, lr):
    if opt_name == 'sgd':
        return SGD(lr=lr, momentum=0.9, nesterov=True)
    elif opt_name == 'adam':
        return Adam(lr=lr)
    raise ValueError('optimizer name should be sgd or adam')


def main():
    args = get_args()
    image, gender, age, _, image_size, _ = load_data(args.input)
    X_data = image
    y_data_g = np_utils.to_categorical(gender, 2)
    y_data_a = np_utils.to_categorical(age, 101)

    model = WideResNet(image_size, depth=args.depth, k=args.width)()
    opt = get_optimizer(args.opt, args.lr)
    model.compile(optimizer=opt, loss=['categorical_crossentropy', 'categorical_crossentropy'], metrics=['accuracy'])

    callbacks = [LearningRateScheduler(schedule=Schedule(args.nb_epochs, args.lr)),
                 ModelCheckpoint('checkpoints/weights.{epoch:02d}-{val_loss:.2f}.hdf5', monitor='val_loss',
                                 verbose=1, save_best_only=True, mode='auto')]
    data_num = len(X_data)
    indexes = np.arange(data_num)
    np.random.shuffle(indexes)
    X_data = X_data[indexes]
    y_data_g = y_data_g[indexes]
    y_data_a = y_data_a[indexes]
    hist = model.fit(X_data, [y_data_g, y_data_a], batch_size=args.batch_size, epochs=args.nb_epochs,
                     callbacks=callbacks, validation_split=args.validation_split)


if __name__ == '__main__':
    main()
