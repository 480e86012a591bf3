# Idiom seen in: gonsoomoon-ml/SageMaker-Tensorflow-Step-By-Step code/phase0/src/cifar10_tf2_sm.py
# What it reproduces: the SageMaker training entry point: argparse --weight-decay goes into tf_model_fn, and
#   train_step adds sum(model.losses) to loss_object(labels, predictions) inside the tape, so the
#   regularizers of tf_model_def.py are trained. Clean.
import argparse
import logging
import os

import tensorflow as tf

from tf_model_def import tf_model_fn
from utils import train_input_fn, validation_input_fn


def main(args):
    logging.info("configuring model")
    model = tf_model_fn(args.learning_rate, args.weight_decay, args.optimizer, args.momentum)
    loss_object = tf.keras.losses.SparseCategoricalCrossentropy()
    optimizer = tf.keras.optimizers.Adam(learning_rate=args.learning_rate)
    train_dataset = train_input_fn(args.train, args.train_batch_size)

    for epoch in range(args.epochs):
        for batch, (images, labels) in enumerate(train_dataset):
            loss_value = train_step(model, loss_object, optimizer, images, labels)
            if batch % args.print_interval == 0:
                print("Step #%d\tLoss: %.6f" % (batch, loss_value))
    tf.saved_model.save(model, os.path.join(args.model_output_dir, '1'))


@tf.function
def train_step(model, loss_object, optimizer, images, labels):
    with tf.GradientTape() as tape:
        predictions = model(images, training=True)
        loss = loss_object(labels, predictions) + sum(model.losses)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--train', type=str, default=os.environ.get("SM_CHANNEL_TRAIN"))
    parser.add_argument("--model_output_dir", type=str, default=os.environ.get("SM_MODEL_DIR"))
    parser.add_argument('--weight-decay', type=float, default=2e-4, help='Weight decay for convolutions.')
    parser.add_argument('--learning-rate', type=float, default=0.001)
    parser.add_argument('--epochs', type=int, default=10)
    parser.add_argument('--train-batch-size', type=int, default=128)
    parser.add_argument('--optimizer', type=str, default='adam')
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--print-interval', type=int, default=10)
    main(parser.parse_args())
