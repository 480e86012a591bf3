# Idiom seen in: google/automl efficientdet/det_model_fn.py (reg_l2_loss, _model_fn), efficientdet/main.py
# What it reproduces: an Estimator model_fn for a one-stage detector: focal + box losses from a detection-loss
#   helper, weight decay as params['weight_decay'] * sum(l2_loss) over the trainable variables whose names match
#   r'.*(kernel|weight):0$', total_loss = det_loss + reg_l2loss, and a MomentumOptimizer that minimizes total_loss
#   over the variables left after a freeze regex (under UPDATE_OPS), with an EMA of the weights applied after it.
# label-note: clean. The regex keeps conv/depthwise kernels and excludes biases and batch-norm gamma/beta (their
#   TF1 names end in bias:0, gamma:0, beta:0); the decay is in the minimized loss; SGD has no weight_decay of its
#   own; lr*wd = 0.08 * 4e-5.
import functools
import re

import tensorflow.compat.v1 as tf
from absl import app, flags

import dataloader
import efficientdet_arch
import hparams_config
from det_losses import detection_loss

flags.DEFINE_string('model_name', 'efficientdet-d0', 'Model name.')
flags.DEFINE_string('training_file_pattern', None, 'Glob for training tfrecords.')
flags.DEFINE_string('model_dir', None, 'Checkpoint directory.')
flags.DEFINE_string('hparams', '', 'Comma separated k=v pairs or a yaml file.')
flags.DEFINE_integer('train_batch_size', 64, 'Global batch size.')
FLAGS = flags.FLAGS


def reg_l2_loss(weight_decay, regex=r'.*(kernel|weight):0$'):
    var_match = re.compile(regex)
    return weight_decay * tf.add_n(
        [tf.nn.l2_loss(v) for v in tf.trainable_variables() if var_match.match(v.name)])


def cosine_lr_schedule(adjusted_lr, warmup_init, warmup_step, total_steps, step):
    linear_warmup = warmup_init + (tf.cast(step, tf.float32) / warmup_step * (adjusted_lr - warmup_init))
    cosine_lr = 0.5 * adjusted_lr * (1 + tf.cos(3.14159 * tf.cast(step, tf.float32) / total_steps))
    return tf.where(step < warmup_step, linear_warmup, cosine_lr)


def _model_fn(features, labels, mode, params, model, variable_filter_fn=None):
    global_step = tf.train.get_or_create_global_step()
    learning_rate = cosine_lr_schedule(params['learning_rate'], params['lr_warmup_init'],
                                       params['lr_warmup_step'], params['total_steps'], global_step)
    cls_outputs, box_outputs = model(features, config=params,
                                     is_training_bn=(mode == tf.estimator.ModeKeys.TRAIN))
    det_loss, cls_loss, box_loss = detection_loss(cls_outputs, box_outputs, labels, params)
    reg_l2loss = reg_l2_loss(params['weight_decay'])
    total_loss = det_loss + reg_l2loss
    tf.summary.scalar('trainloss/reg_l2_loss', reg_l2loss)

    train_op = None
    if mode == tf.estimator.ModeKeys.TRAIN:
        optimizer = tf.train.MomentumOptimizer(learning_rate, momentum=params['momentum'])
        var_list = tf.trainable_variables()
        if variable_filter_fn:
            var_list = variable_filter_fn(var_list)
        with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
            train_op = optimizer.minimize(total_loss, global_step, var_list=var_list)
        if params['moving_average_decay']:
            ema = tf.train.ExponentialMovingAverage(decay=params['moving_average_decay'],
                                                    num_updates=global_step)
            with tf.control_dependencies([train_op]):
                train_op = ema.apply(var_list)
    return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss, train_op=train_op)


def efficientdet_model_fn(features, labels, mode, params):
    variable_filter_fn = functools.partial(efficientdet_arch.freeze_vars, pattern=params['var_freeze_expr'])
    return _model_fn(features, labels, mode, params, model=efficientdet_arch.efficientdet,
                     variable_filter_fn=variable_filter_fn)


def main(_):
    config = hparams_config.get_detection_config(FLAGS.model_name)
    config.override(FLAGS.hparams)  # defaults: learning_rate=0.08, momentum=0.9, weight_decay=4e-5
    params = dict(config.as_dict(), model_name=FLAGS.model_name, batch_size=FLAGS.train_batch_size)
    estimator = tf.estimator.Estimator(model_fn=efficientdet_model_fn, model_dir=FLAGS.model_dir,
                                       params=params)
    estimator.train(input_fn=dataloader.InputReader(FLAGS.training_file_pattern, is_training=True),
                    max_steps=params['total_steps'])


if __name__ == '__main__':
    app.run(main)
