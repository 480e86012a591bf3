# Idiom seen in: scbwn/Custom-Training-Loop-for-ResNet56x2-on-CIFAR10-using-TensorFlow-and-Keras custom_training.py
# What it reproduces: the repository's own bug: resnet_layer() gives every Conv2D an L2(5e-4)
#   kernel_regularizer, but the @tf.function train_step differentiates loss_fn(y, y_hat) only;
#   model.losses never joins the loss, so the ResNet56x2 trains with no weight decay.
import numpy as np
import tensorflow as tf
from tensorflow.keras import regularizers
from tensorflow.keras.layers import (Activation, Add, BatchNormalization, Conv2D, Dense,
                                     GlobalAveragePooling2D, Input)
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import SGD
from tensorflow.keras.utils import Progbar, to_categorical

n_epoch = 150
batch_size = 100
d = (32, 32, 3)
num_of_classes = 10


def resnet_layer(x, num_filters, kernel_size=3, strides=1, activation='relu', batch_normalization=True):
    conv = Conv2D(num_filters, kernel_size=kernel_size, strides=strides, padding='same',
                  kernel_initializer='he_normal',
                  kernel_regularizer=regularizers.l2(5E-4))  # expect: WD103
    x = conv(x)
    if batch_normalization:
        x = BatchNormalization()(x)
    if activation is not None:
        x = Activation(activation)(x)
    return x


def building_blocks(x, filters=32, depth=56):
    num_filters = filters
    num_res_blocks = int((depth - 2) / 6)
    x = resnet_layer(x, num_filters=num_filters)
    for stack in range(3):
        for res_block in range(num_res_blocks):
            strides = 2 if (stack > 0 and res_block == 0) else 1
            y = resnet_layer(x, num_filters=num_filters, strides=strides)
            y = resnet_layer(y, num_filters=num_filters, activation=None)
            if stack > 0 and res_block == 0:
                pad_dim = num_filters - x.shape[-1]
                x = tf.pad(x[:, ::2, ::2, :], [[0, 0], [0, 0], [0, 0], [pad_dim - pad_dim // 2, pad_dim // 2]])
            x = Activation('relu')(Add()([x, y]))
        num_filters *= 2
    return x


def create_model(d, num_of_classes):
    inp = Input(shape=d)
    x = GlobalAveragePooling2D()(building_blocks(inp))
    return Model(inputs=inp, outputs=Dense(num_of_classes, activation='softmax')(x))


def lr_scheduler(step):
    return 0.05 if step < 60000 else 0.005


(x_train, y_train), _ = tf.keras.datasets.cifar10.load_data()
x_train = x_train.astype(np.float32) / 255
y_train = to_categorical(y_train.reshape(-1, 1))

model = create_model(d, num_of_classes)
optimizer = SGD(momentum=0.9, nesterov=True)
loss_fn = tf.keras.losses.CategoricalCrossentropy()
train_acc_metric = tf.keras.metrics.CategoricalAccuracy()


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        y_hat = model(x, training=True)
        loss_value = loss_fn(y, y_hat)
    grads = tape.gradient(loss_value, model.trainable_weights)
    optimizer.apply_gradients(zip(grads, model.trainable_weights))
    train_acc_metric.update_state(y, y_hat)
    return loss_value


for epoch in range(n_epoch):
    pb = Progbar(x_train.shape[0], stateful_metrics=['loss', 'acc'])
    for step in range(x_train.shape[0] // batch_size):
        idx = np.random.randint(0, x_train.shape[0], batch_size)
        optimizer.learning_rate = lr_scheduler((step + 1) * (epoch + 1))
        loss_value = train_step(x_train[idx], y_train[idx])
        pb.add(batch_size, values=[('loss', loss_value), ('acc', train_acc_metric.result())])
    train_acc_metric.reset_state()

model.save('./models/cifar10_resnet56x2.h5')
