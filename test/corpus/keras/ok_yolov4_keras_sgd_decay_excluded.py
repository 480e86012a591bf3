# Idiom seen in: wangermeng2021/Scaled-YOLOv4-tensorflow2 utils/optimizers.py
# Idiom seen in: wangermeng2021/Scaled-YOLOv4-tensorflow2 train.py
# What it reproduces: the eager YOLO loop with the decay moved into the optimizer: Keras SGD(weight_decay=5e-4)
# (decoupled since Keras 2.11) with exclude_from_weight_decay for batch-norm variables and biases, and no
# explicit l2 term left in the loss (clean).
import argparse
import sys

import tensorflow as tf

from model.losses import yolov4_loss
from model.scaled_yolov4 import ScaledYOLOv4
from generator.generator_builder import get_generator


def parse_args(args):
    parser = argparse.ArgumentParser()
    parser.add_argument('--epochs', default=300, type=int)
    parser.add_argument('--num-classes', default=20, type=int)
    parser.add_argument('--init-lr', default=1e-2, type=float)
    parser.add_argument('--momentum', default=0.937, type=float)
    parser.add_argument('--weight-decay', default=5e-4, type=float)
    return parser.parse_args(args)


def build_optimizer(args):
    optimizer = tf.keras.optimizers.SGD(learning_rate=args.init_lr, momentum=args.momentum, nesterov=True,
                                        weight_decay=args.weight_decay)
    optimizer.exclude_from_weight_decay(var_names=['batch_normalization', 'bias'])
    return optimizer


def main(args):
    train_generator, _ = get_generator(args)
    model = ScaledYOLOv4('tiny', num_classes=args.num_classes)
    loss_fun = [yolov4_loss(args, i) for i in range(3)]
    optimizer = build_optimizer(args)

    @tf.function
    def train_step(batch_imgs, batch_labels):
        with tf.GradientTape() as tape:
            outputs = model(batch_imgs, training=True)
            data_loss = tf.add_n([tf.reduce_sum(loss_fun[i](batch_labels[i], out)) for i, out in enumerate(outputs)])
        grads = tape.gradient(data_loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return data_loss

    for epoch in range(args.epochs):
        for batch_imgs, batch_labels in train_generator:
            loss = train_step(batch_imgs, batch_labels)
        print(epoch, float(loss))


if __name__ == '__main__':
    main(parse_args(sys.argv[1:]))
