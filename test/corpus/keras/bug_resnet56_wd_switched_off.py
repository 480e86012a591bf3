# Idiom seen in: scbwn/Custom-Training-Loop-for-ResNet56x2-on-CIFAR10-using-TensorFlow-and-Keras custom_training.py
# What it reproduces: resnet_layer() refactored to take weight_decay and build its regularizer
#   only `if weight_decay:`; the custom loop correctly adds model.losses, but the module constant
#   WEIGHT_DECAY = 0.0 that every call passes switches the decay off everywhere (dead code).
#   A realistic refactoring mistake in that repository's idiom.
import numpy as np
import tensorflow as tf
from tensorflow.keras import regularizers
from tensorflow.keras.layers import Activation, Add, BatchNormalization, Conv2D, Dense, GlobalAveragePooling2D, Input
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import SGD

WEIGHT_DECAY = 0.0
EPOCHS = 150


def resnet_layer(x, num_filters, kernel_size=3, strides=1, activation='relu', weight_decay=None):
    reg = None
    if weight_decay:  # expect: WD303
        reg = regularizers.l2(weight_decay)
    x = Conv2D(num_filters, kernel_size=kernel_size, strides=strides, padding='same',
               kernel_initializer='he_normal', kernel_regularizer=reg)(x)
    x = BatchNormalization()(x)
    return Activation(activation)(x) if activation is not None else x


def create_model(d=(32, 32, 3), num_classes=10, filters=32, depth=56):
    inp = Input(shape=d)
    num_filters = filters
    x = resnet_layer(inp, num_filters, weight_decay=WEIGHT_DECAY)
    for stack in range(3):
        for block in range((depth - 2) // 6):
            strides = 2 if (stack > 0 and block == 0) else 1
            y = resnet_layer(x, num_filters, strides=strides, weight_decay=WEIGHT_DECAY)
            y = resnet_layer(y, num_filters, activation=None, weight_decay=WEIGHT_DECAY)
            if strides == 2:
                x = resnet_layer(x, num_filters, kernel_size=1, strides=2, activation=None,
                                 weight_decay=WEIGHT_DECAY)
            x = Activation('relu')(Add()([x, y]))
        num_filters *= 2
    return Model(inp, Dense(num_classes, activation='softmax')(GlobalAveragePooling2D()(x)))


(x_train, y_train), _ = tf.keras.datasets.cifar10.load_data()
ds = tf.data.Dataset.from_tensor_slices((x_train.astype(np.float32) / 255,
                                         tf.keras.utils.to_categorical(y_train))).shuffle(5000).batch(100)
model = create_model()
optimizer = SGD(learning_rate=0.05, momentum=0.9, nesterov=True)
loss_fn = tf.keras.losses.CategoricalCrossentropy()


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        y_hat = model(x, training=True)
        loss_value = loss_fn(y, y_hat) + sum(model.losses)
    grads = tape.gradient(loss_value, model.trainable_weights)
    optimizer.apply_gradients(zip(grads, model.trainable_weights))
    return loss_value


for epoch in range(EPOCHS):
    for xb, yb in ds:
        loss_value = train_step(xb, yb)
    print(f"epoch {epoch + 1}: {float(loss_value):.4f}")
