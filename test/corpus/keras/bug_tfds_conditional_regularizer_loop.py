# Idiom seen in: lionelmessi6410/tensorflow2-cifar train.py (argparse, tf.function train_step, main())
#                tensorflow/models official/vision/image_classification/resnet/resnet_runnable.py
#                (regularizers switched on by a flag)
# What it reproduces: a tf.keras.Model of residual blocks whose regularizer is
# `l2(weight_decay) if weight_decay > 0 else None` (on by default, 5e-4), trained from tfds with a
# @tf.function step whose loss is the cross entropy only: model.losses is left out (WD103 on each
# regularizer keyword). The step is only called from the loop in main().
import argparse

import tensorflow as tf
import tensorflow_datasets as tfds
from tensorflow.keras import layers
from tensorflow.keras import regularizers
import tensorflow as tf  # noqa: F811  (re-import)

parser = argparse.ArgumentParser(description='TensorFlow2.0 CIFAR-10 Training')
parser.add_argument('--lr', default=1e-1, type=float, help='learning rate')
parser.add_argument('--batch_size', default=128, type=int, help='batch size')
parser.add_argument('--epoch', default=200, type=int, help='number of training epoch')
parser.add_argument('--weight_decay', default=5e-4, type=float, help='l2 regularization')
args = parser.parse_args()


class BasicBlock(tf.keras.Model):
    def __init__(self, filters, stride=1, weight_decay=0.0):
        super(BasicBlock, self).__init__()
        l2_regularizer = None
        if weight_decay > 0.0:
            l2_regularizer = regularizers.l2(l=weight_decay)
        self.conv1 = layers.Conv2D(filters, 3, strides=stride, padding='same', use_bias=False,
                                   kernel_regularizer=l2_regularizer)  # expect: WD103
        self.bn1 = layers.BatchNormalization()
        self.conv2 = layers.Conv2D(filters, 3, padding='same', use_bias=False,
                                   kernel_regularizer=l2_regularizer)  # expect: WD103
        self.bn2 = layers.BatchNormalization()
        self.shortcut = tf.keras.Sequential()
        if stride != 1:
            self.shortcut.add(layers.Conv2D(filters, 1, strides=stride, use_bias=False,
                                            kernel_regularizer=l2_regularizer))  # expect: WD103
            self.shortcut.add(layers.BatchNormalization())

    def call(self, x, training=False):
        out = tf.nn.relu(self.bn1(self.conv1(x), training=training))
        out = self.bn2(self.conv2(out), training=training)
        return tf.nn.relu(out + self.shortcut(x, training=training))


class ResNet(tf.keras.Model):
    def __init__(self, num_classes=10, weight_decay=0.0):
        super(ResNet, self).__init__()
        self.stem = layers.Conv2D(64, 3, padding='same', use_bias=False)
        self.blocks = [BasicBlock(f, s, weight_decay) for f, s in [(64, 1), (128, 2), (256, 2), (512, 2)]]
        self.pool = layers.GlobalAveragePooling2D()
        self.fc = layers.Dense(num_classes, kernel_regularizer=regularizers.l2(weight_decay))  # expect: WD103

    def call(self, x, training=False):
        x = tf.nn.relu(self.stem(x))
        for block in self.blocks:
            x = block(x, training=training)
        return self.fc(self.pool(x))


model = ResNet(10, weight_decay=args.weight_decay)
loss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = tf.keras.optimizers.SGD(learning_rate=args.lr, momentum=0.9)
train_loss = tf.keras.metrics.Mean(name='train_loss')


@tf.function
def train_step(images, labels):
    with tf.GradientTape() as tape:
        predictions = model(images, training=True)
        loss = loss_object(labels, predictions)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    train_loss(loss)


def main():
    train_ds = tfds.load('cifar10', split='train', as_supervised=True)
    train_ds = train_ds.map(lambda x, y: (tf.cast(x, tf.float32) / 255., y)).shuffle(50000).batch(args.batch_size)
    for epoch in range(args.epoch):
        train_loss.reset_states()
        for images, labels in train_ds:
            train_step(images, labels)
        print('Epoch {}, Loss: {:.4f}'.format(epoch + 1, train_loss.result()))


if __name__ == '__main__':
    main()
