# Idiom seen in: tensorflow/addons docs/api_docs/python/tfa/optimizers/weight_decay_optimizers.md
# What it reproduces: a ResNet-ish Keras model without layer regularizers trained in a custom loop with
#   tfa.optimizers.SGDW; apply_gradients gets decay_var_list= with the conv/dense kernels only, so the decoupled
#   decay skips biases and BatchNorm and is not doubled by any L2 term. Clean.
import tensorflow as tf
import tensorflow_addons as tfa
from absl import app, flags

from datasets import get_cifar10  # tf.data pipeline, not in this file

FLAGS = flags.FLAGS
flags.DEFINE_float('lr', 0.1, 'learning rate')
flags.DEFINE_float('weight_decay', 5e-4, 'decoupled weight decay')
flags.DEFINE_integer('epochs', 100, 'epochs')


def conv_bn(x, filters, strides=1):
    x = tf.keras.layers.Conv2D(filters, 3, strides=strides, padding='same', use_bias=False)(x)
    x = tf.keras.layers.BatchNormalization()(x)
    return tf.keras.layers.ReLU()(x)


def build_model(num_classes=10):
    inputs = tf.keras.Input((32, 32, 3))
    x = conv_bn(inputs, 64)
    for filters, strides in [(64, 1), (128, 2), (256, 2), (512, 2)]:
        y = conv_bn(x, filters, strides)
        y = conv_bn(y, filters)
        if strides != 1 or x.shape[-1] != filters:
            x = tf.keras.layers.Conv2D(filters, 1, strides=strides, use_bias=False)(x)
        x = tf.keras.layers.Add()([x, y])
    x = tf.keras.layers.GlobalAveragePooling2D()(x)
    return tf.keras.Model(inputs, tf.keras.layers.Dense(num_classes)(x))


def main(argv):
    del argv
    train_ds = get_cifar10('train', batch_size=128)
    model = build_model()
    optimizer = tfa.optimizers.SGDW(weight_decay=FLAGS.weight_decay, learning_rate=FLAGS.lr,
                                    momentum=0.9, nesterov=True)
    loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    kernels = [v for v in model.trainable_variables if 'kernel' in v.name]

    @tf.function
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            logits = model(images, training=True)
            loss = loss_fn(labels, logits)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables), decay_var_list=kernels)
        return loss

    for epoch in range(FLAGS.epochs):
        for images, labels in train_ds:
            loss = train_step(images, labels)
        print('epoch', epoch, 'loss', float(loss))


if __name__ == '__main__':
    app.run(main)
