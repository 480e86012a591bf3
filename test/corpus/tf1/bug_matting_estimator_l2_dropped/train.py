# Idiom seen in: dikatok/deeplabv3plus_matting models/losses.py
# Idiom seen in: dikatok/deeplabv3plus_matting utils/train_utils.py
# Idiom seen in: dikatok/deeplabv3plus_matting train.py
# What it reproduces: a loss factory whose loss_fn(logits, labels, weight_decay) builds an L2 term over
#   tf.trainable_variables(); the repo's history had the term disabled at one point. Here the term is still
#   computed, but total_loss was left as the bare cross entropy, so the Estimator trains with no decay (WD104).
import tensorflow as tf
from tensorflow.contrib import training as tf_training

from models.model import create_model_fn
from utils.data_utils import create_inputs_fn
from losses import create_loss_fn, create_metrics_fn
from train_utils import create_estimator_fn

FLAGS = tf.app.flags.FLAGS

tf.app.flags.DEFINE_string('model_dir', './ckpt', 'Checkpoint directory.')
tf.app.flags.DEFINE_string('train_files', 'data/train-*.tfrecord', 'Training tfrecords.')
tf.app.flags.DEFINE_string('backbone', 'mobilenetv2', 'Backbone network.')
tf.app.flags.DEFINE_integer('batch_size', 8, 'Batch size.')
tf.app.flags.DEFINE_integer('image_size', 256, 'Input resolution.')
tf.app.flags.DEFINE_float('learning_rate', 7e-3, 'Initial learning rate.')
tf.app.flags.DEFINE_float('momentum', 0.9, 'SGD momentum value.')
tf.app.flags.DEFINE_float('weight_decay', 4e-5, 'L2 regularization weight decay.')
tf.app.flags.DEFINE_integer('train_steps', 30000, 'Number of training steps.')


def main(_):
    image_size = (FLAGS.image_size, FLAGS.image_size)
    model_fn = create_model_fn(backbone=FLAGS.backbone, img_size=image_size, output_stride=16)
    estimator_fn = create_estimator_fn(model_fn=model_fn,
                                       loss_fn=create_loss_fn(),
                                       metrics_fn=create_metrics_fn())

    params = tf_training.HParams(learning_rate=FLAGS.learning_rate,
                                 momentum=FLAGS.momentum,
                                 weight_decay=FLAGS.weight_decay)
    estimator = tf.estimator.Estimator(model_fn=estimator_fn, params=params,
                                       model_dir=FLAGS.model_dir)

    train_inputs_fn = create_inputs_fn(FLAGS.train_files, batch_size=FLAGS.batch_size,
                                       image_size=image_size, is_training=True)
    estimator.train(input_fn=train_inputs_fn, max_steps=FLAGS.train_steps)


if __name__ == '__main__':
    tf.app.run()
