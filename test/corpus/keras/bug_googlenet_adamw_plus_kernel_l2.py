# Idiom seen in: mikechen66/Inception-v1-v4-tf2 Inception_v1/Inception_V1_Sequential/inception_v1_seq.py
# What it reproduces: GoogLeNet built with kernel_regularizer=l2(0.0002) on every conv and dense layer;
#   the port to TF 2.11+ swaps the compiled SGD for keras AdamW(weight_decay=2e-4) but keeps the
#   regularizers, so fit() decays every kernel twice and AdamW's own decay also hits biases (user mistake).
import argparse

import tensorflow as tf
from tensorflow.keras.layers import (AveragePooling2D, Concatenate, Conv2D, Dense, Dropout, Flatten,
                                     Input, MaxPooling2D)
from tensorflow.keras.models import Model
from tensorflow.keras.regularizers import l2

WEIGHT_DECAY = 0.0002


def conv(x, filters, kernel, strides=(1, 1), name=None):
    return Conv2D(filters, kernel, strides=strides, padding='same', activation='relu', name=name,
                  kernel_regularizer=l2(WEIGHT_DECAY))(x)  # expect: WD201


def inception(x, f1, f3r, f3, f5r, f5, fp, name):
    b1 = conv(x, f1, (1, 1), name=name + '/1x1')
    b3 = conv(conv(x, f3r, (1, 1), name=name + '/3x3_reduce'), f3, (3, 3), name=name + '/3x3')
    b5 = conv(conv(x, f5r, (1, 1), name=name + '/5x5_reduce'), f5, (5, 5), name=name + '/5x5')
    bp = MaxPooling2D((3, 3), strides=(1, 1), padding='same')(x)
    bp = conv(bp, fp, (1, 1), name=name + '/pool_proj')
    return Concatenate(axis=-1, name=name + '/output')([b1, b3, b5, bp])


def googlenet(input_shape, num_classes):
    inputs = Input(shape=input_shape)
    x = conv(inputs, 64, (7, 7), strides=(2, 2), name='conv1/7x7_s2')
    x = MaxPooling2D((3, 3), strides=(2, 2), padding='same')(x)
    x = conv(x, 64, (1, 1), name='conv2/3x3_reduce')
    x = conv(x, 192, (3, 3), name='conv2/3x3')
    x = MaxPooling2D((3, 3), strides=(2, 2), padding='same')(x)
    x = inception(x, 64, 96, 128, 16, 32, 32, 'inception_3a')
    x = inception(x, 128, 128, 192, 32, 96, 64, 'inception_3b')
    x = MaxPooling2D((3, 3), strides=(2, 2), padding='same')(x)
    x = inception(x, 192, 96, 208, 16, 48, 64, 'inception_4a')
    x = AveragePooling2D((7, 7), strides=(1, 1))(x)
    x = Dropout(0.4)(Flatten()(x))
    outputs = Dense(num_classes, activation='softmax', name='loss3/classifier',
                    kernel_regularizer=l2(WEIGHT_DECAY))(x)  # expect: WD201
    return Model(inputs, outputs, name='googlenet')


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--data_dir', default='data/flowers')
    parser.add_argument('--epochs', type=int, default=60)
    args = parser.parse_args()

    train_ds = tf.keras.utils.image_dataset_from_directory(args.data_dir, image_size=(224, 224),
                                                           label_mode='categorical', batch_size=32)
    num_classes = len(train_ds.class_names)
    model = googlenet((224, 224, 3), num_classes)
    optimizer = tf.keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=WEIGHT_DECAY)  # expect: WD203
    model.compile(optimizer=optimizer, loss='categorical_crossentropy', metrics=['accuracy'])
    model.fit(train_ds.map(lambda x, y: (x / 255.0, y)), epochs=args.epochs)
