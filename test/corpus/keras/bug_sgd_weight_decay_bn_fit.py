# Idiom seen in: SunDoge/tf2-cifar main.py
# Idiom seen in: SunDoge/tf2-cifar models/keras_resnet_functional.py
# What it reproduces: the CIFAR ResNet-20 of tf2-cifar ported "the PyTorch way": the per-layer l2(1e-4) regularizers are removed
#   and decay is given to Keras SGD(momentum=0.9, nesterov=True, weight_decay=5e-4) instead; Keras 2.11+ decays every trainable
#   variable, BatchNorm gamma/beta and biases included, since exclude_from_weight_decay is never called (WD203).
import tensorflow as tf
from tensorflow.keras import Model
from tensorflow.keras.layers import Activation, AveragePooling2D, BatchNormalization, Conv2D, Dense, Flatten, Input

BATCH_SIZE = 128
NUM_EPOCHS = 200
WEIGHT_DECAY = 5e-4


def resnet_layer(inputs, num_filters=16, kernel_size=3, strides=1, activation='relu', batch_normalization=True):
    x = Conv2D(num_filters, kernel_size=kernel_size, strides=strides, padding='same',
               kernel_initializer='he_normal')(inputs)
    if batch_normalization:
        x = BatchNormalization()(x)
    if activation is not None:
        x = Activation(activation)(x)
    return x


def resnet_v1(input_shape, depth, num_classes=10):
    num_filters = 16
    num_res_blocks = (depth - 2) // 6
    inputs = Input(shape=input_shape)
    x = resnet_layer(inputs)
    for stack in range(3):
        for res_block in range(num_res_blocks):
            strides = 2 if stack > 0 and res_block == 0 else 1
            y = resnet_layer(x, num_filters, strides=strides)
            y = resnet_layer(y, num_filters, activation=None)
            if stack > 0 and res_block == 0:
                x = resnet_layer(x, num_filters, kernel_size=1, strides=strides,
                                 activation=None, batch_normalization=False)
            x = Activation('relu')(tf.keras.layers.add([x, y]))
        num_filters *= 2
    x = Flatten()(AveragePooling2D(pool_size=8)(x))
    outputs = Dense(num_classes, activation='softmax', kernel_initializer='he_normal')(x)
    return Model(inputs=inputs, outputs=outputs)


def prepare(x, y, train):
    if train:
        x = tf.image.random_crop(tf.image.resize_with_crop_or_pad(x, 40, 40), [32, 32, 3])
        x = tf.image.random_flip_left_right(x)
    x = tf.cast(x, tf.float32) / 255.
    return (x - (0.4914, 0.4822, 0.4465)) / (0.2023, 0.1994, 0.2010), y


def main():
    (x_train, y_train), (x_test, y_test) = tf.keras.datasets.cifar10.load_data()
    train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train.squeeze())).shuffle(50000)
    train_ds = train_ds.map(lambda x, y: prepare(x, y, True), num_parallel_calls=-1).batch(BATCH_SIZE).prefetch(-1)
    test_ds = tf.data.Dataset.from_tensor_slices((x_test, y_test.squeeze()))
    test_ds = test_ds.map(lambda x, y: prepare(x, y, False)).batch(BATCH_SIZE)

    schedule = tf.keras.optimizers.schedules.PiecewiseConstantDecay(
        [32000, 48000], [0.1, 0.01, 0.001])
    optimizer = tf.keras.optimizers.SGD(learning_rate=schedule, momentum=0.9, nesterov=True, weight_decay=WEIGHT_DECAY)  # expect: WD203

    model = resnet_v1((32, 32, 3), 20)
    model.compile(optimizer=optimizer,
                  loss=tf.keras.losses.SparseCategoricalCrossentropy(),
                  metrics=['accuracy'])
    model.fit(train_ds, validation_data=test_ds, epochs=NUM_EPOCHS,
              callbacks=[tf.keras.callbacks.ModelCheckpoint('checkpoint.h5', save_best_only=True)])


if __name__ == '__main__':
    main()
