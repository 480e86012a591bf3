# Idiom seen in: kunigaku/keras-resnet keras_resnet/models/_1d.py
# What it reproduces: a 1-D ResNet without layer regularizers, trained with compile/fit and Keras AdamW whose
# decoupled decay is kept off biases and BatchNormalization gamma/beta by exclude_from_weight_decay. Clean.
import argparse
import tensorflow as tf
from tensorflow.keras import layers

from timeseries import load_uea_dataset


def block(x, filters, stride):
    y = layers.Conv1D(filters, 3, strides=stride, padding='same', use_bias=False)(x)
    y = layers.ReLU()(layers.BatchNormalization()(y))
    y = layers.Conv1D(filters, 3, padding='same', use_bias=False)(y)
    y = layers.BatchNormalization()(y)
    if stride != 1 or x.shape[-1] != filters:
        x = layers.BatchNormalization()(layers.Conv1D(filters, 1, strides=stride, use_bias=False)(x))
    return layers.ReLU()(layers.add([x, y]))


def ResNet1D18(input_shape, classes):
    inputs = layers.Input(input_shape)
    x = layers.ReLU()(layers.BatchNormalization()(layers.Conv1D(64, 7, strides=2, padding='same')(inputs)))
    for stage, filters in enumerate([64, 128, 256, 512]):
        for b in range(2):
            x = block(x, filters, 2 if (b == 0 and stage > 0) else 1)
    x = layers.GlobalAveragePooling1D()(x)
    return tf.keras.Model(inputs, layers.Dense(classes, activation='softmax')(x))


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--dataset', default='ECG5000')
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--weight-decay', type=float, default=0.05)
    args = parser.parse_args()

    (x_train, y_train), (x_test, y_test), n_classes = load_uea_dataset(args.dataset)
    model = ResNet1D18(x_train.shape[1:], n_classes)
    optimizer = tf.keras.optimizers.AdamW(learning_rate=args.lr, weight_decay=args.weight_decay)
    optimizer.exclude_from_weight_decay(var_names=['bias', 'gamma', 'beta'])
    model.compile(optimizer=optimizer, loss='sparse_categorical_crossentropy', metrics=['accuracy'])
    model.fit(x_train, y_train, batch_size=64, epochs=100, validation_data=(x_test, y_test))
