# Idiom seen in: repository not resolved by the code index (index file id 22203651138, the same training script)
# What it reproduces: argparse defaults (-l2 0.01), numpy arrays from a data module (not in the workspace),
#   the regularized model from models.py, compile with Adam and MSE, fit on an ImageDataGenerator flow.
# label-note: the WD106 label sits in models.py; Adam has no weight_decay (no WD202).
import argparse
import random

import tensorflow as tf
from tensorflow import keras
from tensorflow.keras.preprocessing.image import ImageDataGenerator

from data import get_data
from models import get_resnet50_model


def train(args):
    train_x, train_y, val_x, val_y, test_x, test_y = get_data(args.input_directory, args.frame_volumes_filename)
    model = get_resnet50_model(args.l2_regularization)
    optimizer = keras.optimizers.Adam(learning_rate=args.learning_rate)
    model.compile(loss=keras.losses.MeanSquaredError(), optimizer=optimizer, metrics=['mse', 'mae'])

    aug = args.augmentation_intensity
    train_data = ImageDataGenerator(rotation_range=aug, width_shift_range=aug, height_shift_range=aug,
                                    rescale=1.0 / 255.0).flow(train_x, train_y, batch_size=args.batch_size)
    early_stop = keras.callbacks.EarlyStopping(monitor='val_loss', min_delta=0.1, patience=20,
                                               restore_best_weights=True)
    model.fit(train_data, validation_data=(val_x, val_y), epochs=args.epochs, callbacks=[early_stop])
    model.save(args.output_directory)
    print('Test:', model.evaluate(test_x, test_y))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('-i', '--input_directory', default='../../data/still_images')
    parser.add_argument('-o', '--output_directory', default='two_d_model')
    parser.add_argument('-fv', '--frame_volumes_filename', default='FrameVolumes.csv')
    parser.add_argument('-b', '--batch_size', default=32, type=int)
    parser.add_argument('-e', '--epochs', default=2, type=int)
    parser.add_argument('-l', '--learning_rate', default=0.0001, type=float)
    parser.add_argument('-l2', '--l2_regularization', default=0.01, type=float)
    parser.add_argument('-a', '--augmentation_intensity', default=10, type=int)
    args = parser.parse_args()
    tf.random.set_seed(5)
    random.seed(5)
    train(args)


if __name__ == '__main__':
    main()
