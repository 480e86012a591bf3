# Idiom seen in: sseung0703/Knowledge_distillation_via_TF2.0 op_util.py
# Idiom seen in: sseung0703/CNN_via_Tensorflow2_low-level op_util.py
# What it reproduces: the repositories' Optimizer(model, weight_decay, LR) step; user port to Keras 2.11+:
#   the hand-made `g + v * weight_decay` was replaced by SGD(weight_decay=...), but the student still has
#   l2 kernel regularizers summed from model.losses into the loss -> kernels decayed twice (WD201 on the
#   regularizer keywords), and the optimizer's own decay also hits BN gamma/beta and biases (WD203).
import argparse

import tensorflow as tf

from dataloader import Dataloader

parser = argparse.ArgumentParser(description='')
parser.add_argument("--learning_rate", default=1e-1, type=float)
parser.add_argument("--weight_decay", default=5e-4, type=float)
parser.add_argument("--batch_size", default=128, type=int)
parser.add_argument("--train_epoch", default=200, type=int)
args = parser.parse_args()


class Student(tf.keras.Model):
    def __init__(self, num_class, weight_decay):
        super(Student, self).__init__()
        reg = tf.keras.regularizers.l2(weight_decay)

        def conv(d, s=1):
            return tf.keras.layers.Conv2D(d, 3, strides=s, padding='same', use_bias=False, kernel_regularizer=reg)  # expect: WD201

        self.body = [conv(16), conv(32, 2), conv(64, 2)]
        self.bns = [tf.keras.layers.BatchNormalization() for _ in self.body]
        self.fc = tf.keras.layers.Dense(num_class, kernel_regularizer=reg)  # expect: WD201

    def call(self, x, training=False):
        for c, bn in zip(self.body, self.bns):
            x = tf.nn.relu(bn(c(x), training=training))
        return self.fc(tf.reduce_mean(x, [1, 2]))


def Optimizer(model, weight_decay, LR):
    loss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    optimizer = tf.keras.optimizers.SGD(
        LR, momentum=.9, nesterov=True,
        weight_decay=weight_decay)  # expect: WD203
    train_loss = tf.keras.metrics.Mean(name='train_loss')

    @tf.function
    def training(images, labels):
        with tf.GradientTape() as tape:
            pred = model(images, training=True)
            total_loss = loss_object(labels, pred) + tf.add_n(model.losses)
        gradients = tape.gradient(total_loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        train_loss.update_state(total_loss)

    return training, train_loss


if __name__ == '__main__':
    train_images, train_labels, _, _ = Dataloader('cifar10', '')
    ds = tf.data.Dataset.from_tensor_slices((train_images, train_labels)).shuffle(50000).batch(args.batch_size)
    model = Student(10, args.weight_decay)
    training, train_loss = Optimizer(model, args.weight_decay, args.learning_rate)
    for epoch in range(args.train_epoch):
        for images, labels in ds:
            training(images, labels)
        print(epoch, train_loss.result().numpy())
