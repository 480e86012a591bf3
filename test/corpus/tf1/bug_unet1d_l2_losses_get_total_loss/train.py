# Idiom seen in: repository not resolved by the code index (index file id 46774340477, the network side); the
#   Estimator wiring follows the stock tf.estimator model_fn / tf.app.flags pattern
# What it reproduces: an Estimator model_fn that adds its reconstruction loss through tf.losses (so it lands in
#   GraphKeys.LOSSES) and trains on tf.losses.get_total_loss(), trusting it to collect "every loss" including the
#   network's decay terms. Input functions come from a dataset module that is not part of this folder.
import tensorflow as tf

import dataset
from wave_unet import WaveUNet

flags = tf.app.flags
flags.DEFINE_string('model_dir', './ckpt', 'checkpoint directory')
flags.DEFINE_string('train_records', './data/train.tfrecords', 'noisy/clean training pairs')
flags.DEFINE_float('learning_rate', 2e-4, 'Adam learning rate')
flags.DEFINE_float('weight_decay', 1e-4, 'L2 weight decay of the conv kernels')
flags.DEFINE_integer('batch_size', 32, 'batch size')
flags.DEFINE_integer('train_steps', 200000, 'number of training steps')
FLAGS = flags.FLAGS


def model_fn(features, labels, mode, params):
    is_train = mode == tf.estimator.ModeKeys.TRAIN
    net = WaveUNet(features['noisy'], is_train=is_train)
    enhanced = net.build(wd=params['weight_decay'])
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={'enhanced': enhanced})

    tf.losses.absolute_difference(labels, enhanced)
    loss = tf.losses.get_total_loss()
    tf.summary.scalar('l1_loss', loss)

    train_op = None
    if is_train:
        optimizer = tf.train.AdamOptimizer(params['learning_rate'], beta1=0.5)
        train_op = optimizer.minimize(loss, global_step=tf.train.get_or_create_global_step())
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)


def main(_):
    params = {'learning_rate': FLAGS.learning_rate, 'weight_decay': FLAGS.weight_decay}
    estimator = tf.estimator.Estimator(model_fn=model_fn, model_dir=FLAGS.model_dir, params=params)
    estimator.train(input_fn=lambda: dataset.input_fn(FLAGS.train_records, FLAGS.batch_size, training=True),
                    max_steps=FLAGS.train_steps)


if __name__ == '__main__':
    tf.app.run()
