# Idiom seen in: MokkeMeguru/TextCNN train.py
# What it reproduces: Keras functional TextCNN built with regularizers_lambda (argparse) as
#   kernel_regularizer on the softmax layer, compiled with Adam and trained with model.fit (clean).
import argparse
import os
import time

import tensorflow as tf
from tensorflow import keras

import data_helper


def TextCNN(vocab_size, feature_size, embed_size, num_classes, num_filters,
            filter_sizes, regularizers_lambda, dropout_rate):
    inputs = keras.Input(shape=(feature_size,), name='input_data')
    embed = keras.layers.Embedding(vocab_size, embed_size, input_length=feature_size, name='embedding')(inputs)
    embed = keras.layers.Reshape((feature_size, embed_size, 1), name='add_channel')(embed)
    pools = []
    for size in filter_sizes:
        conv = keras.layers.Conv2D(num_filters, (size, embed_size), activation='relu',
                                   name='convolution_{:d}'.format(size))(embed)
        pool = keras.layers.MaxPool2D(pool_size=(feature_size - size + 1, 1),
                                      name='max_pooling_{:d}'.format(size))(conv)
        pools.append(pool)
    x = keras.layers.concatenate(pools, axis=-1)
    x = keras.layers.Flatten()(x)
    x = keras.layers.Dropout(dropout_rate)(x)
    outputs = keras.layers.Dense(num_classes, activation='softmax',
                                 kernel_regularizer=keras.regularizers.l2(regularizers_lambda),
                                 bias_regularizer=keras.regularizers.l2(regularizers_lambda),
                                 name='dense')(x)
    return keras.Model(inputs=inputs, outputs=outputs)


def train(args, x_train, y_train, vocab_size, save_path):
    model = TextCNN(vocab_size, args.padding_size, args.embed_size, args.num_classes,
                    args.num_filters, [int(s) for s in args.filter_sizes.split(',')],
                    args.regularizers_lambda, args.dropout_rate)
    model.compile(tf.optimizers.Adam(), loss='categorical_crossentropy', metrics=['accuracy'])
    y_train = tf.one_hot(y_train, args.num_classes)
    tb = keras.callbacks.TensorBoard(os.path.join(args.results_dir, 'log/'))
    model.fit(x=x_train, y=y_train, batch_size=args.batch_size, epochs=args.epochs,
              callbacks=[tb], validation_split=args.fraction_validation, shuffle=True)
    keras.models.save_model(model, save_path)


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='TextCNN train')
    parser.add_argument('-p', '--padding_size', default=128, type=int)
    parser.add_argument('-e', '--embed_size', default=512, type=int)
    parser.add_argument('-f', '--filter_sizes', default='3,4,5')
    parser.add_argument('-n', '--num_filters', default=128, type=int)
    parser.add_argument('-d', '--dropout_rate', default=0.5, type=float)
    parser.add_argument('-c', '--num_classes', default=18, type=int)
    parser.add_argument('-l', '--regularizers_lambda', default=0.01, type=float)
    parser.add_argument('-b', '--batch_size', default=64, type=int)
    parser.add_argument('--epochs', default=10, type=int)
    parser.add_argument('--fraction_validation', default=0.05, type=float)
    parser.add_argument('--results_dir', default='./results/', type=str)
    args = parser.parse_args()

    timestamp = time.strftime("%Y-%m-%d-%H-%M", time.localtime(time.time()))
    x_train, y_train, vocab_size = data_helper.preprocess("./data/train_data.csv",
                                                          os.path.join(args.results_dir, "vocab.json"),
                                                          args.padding_size)
    train(args, x_train, y_train, vocab_size, os.path.join(args.results_dir, timestamp, 'TextCNN.h5'))
