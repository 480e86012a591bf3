# Idiom seen in: tensorflow/models official/vision/image_classification/resnet/resnet_runnable.py
#                (the flags_obj fields it reads), zzh8829/yolov3-tf2 train.py (absl app.run(main))
# What it reproduces: the absl driver that builds the runnable and calls train_step in a loop.
import math

import tensorflow as tf
from absl import app, flags, logging

import imagenet_preprocessing
from resnet_runnable import ResnetRunnable

flags.DEFINE_string('data_dir', None, 'ImageNet TFRecords directory')
flags.DEFINE_integer('batch_size', 256, 'global batch size')
flags.DEFINE_integer('train_epochs', 90, 'epochs')
flags.DEFINE_boolean('single_l2_loss_op', False, 'one explicit l2 op instead of Keras regularizers')
FLAGS = flags.FLAGS


def main(_):
    strategy = tf.distribute.MirroredStrategy()
    epoch_steps = int(math.ceil(imagenet_preprocessing.NUM_IMAGES['train'] / FLAGS.batch_size))
    with strategy.scope():
        runnable = ResnetRunnable(FLAGS, epoch_steps)
    iterator = iter(runnable.build_train_dataset())
    for step in range(FLAGS.train_epochs * epoch_steps):
        runnable.train_step(iterator)
        if step % epoch_steps == 0:
            logging.info('step %d loss %.4f', step, runnable.train_loss.result())
            runnable.train_loss.reset_states()


if __name__ == '__main__':
    app.run(main)
