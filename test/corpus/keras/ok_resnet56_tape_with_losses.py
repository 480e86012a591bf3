# Idiom seen in: scbwn/Custom-Training-Loop-for-ResNet56x2-on-CIFAR10-using-TensorFlow-and-Keras custom_training.py
# What it reproduces: the same resnet_layer() with L2(5e-4) kernel regularizers and the same
#   @tf.function custom loop, with the fix: tf.add_n(model.losses) is added to the cross entropy
#   inside the tape. Clean.
import numpy as np
import tensorflow as tf
from tensorflow.keras import regularizers
from tensorflow.keras.layers import (Activation, Add, BatchNormalization, Conv2D, Dense,
                                     GlobalAveragePooling2D, Input)
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import SGD

WEIGHT_DECAY = 5e-4


def resnet_layer(x, num_filters, kernel_size=3, strides=1, activation='relu'):
    x = Conv2D(num_filters, kernel_size=kernel_size, strides=strides, padding='same',
               kernel_initializer='he_normal', kernel_regularizer=regularizers.l2(WEIGHT_DECAY))(x)
    x = BatchNormalization()(x)
    return Activation(activation)(x) if activation is not None else x


def create_model(input_shape=(32, 32, 3), num_classes=10, depth=20):
    inp = Input(shape=input_shape)
    num_filters = 16
    x = resnet_layer(inp, num_filters)
    for stack in range(3):
        for block in range((depth - 2) // 6):
            strides = 2 if (stack > 0 and block == 0) else 1
            y = resnet_layer(x, num_filters, strides=strides)
            y = resnet_layer(y, num_filters, activation=None)
            if strides == 2:
                x = resnet_layer(x, num_filters, kernel_size=1, strides=2, activation=None)
            x = Activation('relu')(Add()([x, y]))
        num_filters *= 2
    out = Dense(num_classes, activation='softmax')(GlobalAveragePooling2D()(x))
    return Model(inp, out)


(x_train, y_train), _ = tf.keras.datasets.cifar10.load_data()
x_train = x_train.astype(np.float32) / 255
y_train = tf.keras.utils.to_categorical(y_train)
dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(10000).batch(128)

model = create_model()
optimizer = SGD(learning_rate=0.1, momentum=0.9, nesterov=True)
loss_fn = tf.keras.losses.CategoricalCrossentropy()


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        y_hat = model(x, training=True)
        loss_value = loss_fn(y, y_hat) + tf.add_n(model.losses)
    grads = tape.gradient(loss_value, model.trainable_weights)
    optimizer.apply_gradients(zip(grads, model.trainable_weights))
    return loss_value


for epoch in range(100):
    for x_batch, y_batch in dataset:
        loss_value = train_step(x_batch, y_batch)
    print(epoch, float(loss_value))
