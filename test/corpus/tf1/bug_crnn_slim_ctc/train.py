# Idiom seen in: violet-day/tensorflow-crnn model.py
# Idiom seen in: violet-day/tensorflow-crnn train.py
# What it reproduces: slim CRNN+CTC for captcha OCR; a user adds weights_regularizer to the VGG arg_scope but passes
#   total_loss=loss_ctc to slim.learning.create_train_op (the repo used tf.losses.get_total_loss()), so the L2 terms
#   sit in REGULARIZATION_LOSSES unread (user mistake in the repo's idiom; the real repo had no regularizer).
import tensorflow as tf
from tensorflow.python.platform import flags
from tensorflow.contrib import slim
from util import define_flags, pool_size

define_flags()
flags.DEFINE_float('weight_decay', 5e-4, 'L2 weight decay for the conv layers')

from model import foward, create_train_op
from provider import get_input


def main(_):
    tf.logging.set_verbosity(tf.logging.INFO)
    images, image_widths, labels = get_input()
    seq_len_inputs = tf.divide(image_widths, pool_size, name='seq_len_input_op') - 1
    logprob = foward(images, is_training=True)
    train_op = create_train_op(labels, seq_len_inputs, logprob)
    slim.learning.train(train_op=train_op, logdir=flags.FLAGS.logdir, number_of_steps=100000,
                        save_summaries_secs=60, save_interval_secs=120)


if __name__ == '__main__':
    flags.DEFINE_string('logdir', 'logs/train', 'log dir')
    tf.app.run()
