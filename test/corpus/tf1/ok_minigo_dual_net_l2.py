# Idiom seen in: tensorflow/minigo dual_net.py
# What it reproduces: Estimator model_fn whose combined_cost = policy + value + l2_strength * sum of l2_loss over
# the non-bias trainable variables; MomentumOptimizer minimizes the combined cost (clean).
import functools

import tensorflow as tf
from absl import flags

flags.DEFINE_integer('trunk_layers', 19, 'Number of residual layers in the shared trunk.')
flags.DEFINE_integer('conv_width', 256, 'The width of the neural network.')
flags.DEFINE_float('l2_strength', 1e-4, 'The L2 regularization parameter applied to weights.')
flags.DEFINE_float('value_cost_weight', 1.0, 'Scalar for value_cost.')
flags.DEFINE_float('sgd_momentum', 0.9, 'Momentum parameter for learning rate.')
flags.DEFINE_string('work_dir', None, 'The Estimator working directory.')
FLAGS = flags.FLAGS

N = 19


def model_inference_fn(features, training, params):
    mg_batchn = functools.partial(tf.layers.batch_normalization, axis=-1, momentum=.95, epsilon=1e-5,
                                  center=True, scale=True, fused=True, training=training)
    mg_conv2d = functools.partial(tf.layers.conv2d, filters=params['conv_width'], kernel_size=3,
                                  padding='same', data_format='channels_last', use_bias=False)

    def mg_res_layer(inputs):
        residual = tf.nn.relu(mg_batchn(mg_conv2d(inputs)))
        residual = mg_batchn(mg_conv2d(residual))
        return tf.nn.relu(inputs + residual)

    shared_output = tf.nn.relu(mg_batchn(mg_conv2d(features)))
    for _ in range(params['trunk_layers']):
        shared_output = mg_res_layer(shared_output)

    policy_conv = tf.nn.relu(mg_batchn(mg_conv2d(shared_output, filters=2, kernel_size=1), center=False, scale=False))
    logits = tf.layers.dense(tf.reshape(policy_conv, [-1, 2 * N * N]), N * N + 1)
    policy_output = tf.nn.softmax(logits, name='policy_output')

    value_conv = tf.nn.relu(mg_batchn(mg_conv2d(shared_output, filters=1, kernel_size=1), center=False, scale=False))
    value_fc_hidden = tf.nn.relu(tf.layers.dense(tf.reshape(value_conv, [-1, N * N]), 256))
    value_output = tf.nn.tanh(tf.reshape(tf.layers.dense(value_fc_hidden, 1), [-1]), name='value_output')
    return policy_output, value_output, logits


def model_fn(features, labels, mode, params):
    policy_output, value_output, logits = model_inference_fn(features, mode == tf.estimator.ModeKeys.TRAIN, params)

    policy_cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(
        logits=logits, labels=tf.stop_gradient(labels['pi_tensor'])))
    value_cost = params['value_cost_weight'] * tf.reduce_mean(
        tf.square(value_output - labels['value_tensor']))

    reg_vars = [v for v in tf.trainable_variables() if 'bias' not in v.name and 'beta' not in v.name]
    l2_cost = params['l2_strength'] * tf.add_n([tf.nn.l2_loss(v) for v in reg_vars])

    combined_cost = policy_cost + value_cost + l2_cost

    global_step = tf.train.get_or_create_global_step()
    learning_rate = tf.train.piecewise_constant(global_step, [400000, 600000], [0.02, 0.002, 0.0002])
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    optimizer = tf.train.MomentumOptimizer(learning_rate, params['sgd_momentum'])
    with tf.control_dependencies(update_ops):
        train_op = optimizer.minimize(combined_cost, global_step=global_step)

    return tf.estimator.EstimatorSpec(mode=mode, predictions={'policy_output': policy_output, 'value_output': value_output},
                                      loss=combined_cost, train_op=train_op)


def get_estimator():
    params = {k: FLAGS[k].value for k in ['trunk_layers', 'conv_width', 'l2_strength', 'value_cost_weight', 'sgd_momentum']}
    return tf.estimator.Estimator(model_fn, model_dir=FLAGS.work_dir, params=params)
