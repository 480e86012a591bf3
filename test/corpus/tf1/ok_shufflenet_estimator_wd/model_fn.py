# Idiom seen in: weiSupreme/cnn-review-tf model_fn.py
# Idiom seen in: weiSupreme/cnn-review-tf train.py
# What it reproduces: an Estimator model_fn whose add_weight_decay() puts wd * l2_loss(w) into REGULARIZATION_LOSSES by hand;
#   the optimizer's compute_gradients gets tf.losses.get_total_loss(add_regularization_losses=True), so the decay is trained
#   on (the extra get_regularization_loss() kept only for a summary and the EstimatorSpec's loss=cross entropy do not change that): clean.
import tensorflow as tf

from architectures.shufflenet_v2 import ShuffleNetV2 as cnn

MOMENTUM = 0.9
MOVING_AVERAGE_DECAY = 0.995
RESIZE_SIZE = 224


def model_fn(features, labels, mode, params):
    x = features['images']
    x = tf.reshape(x, shape=[-1, RESIZE_SIZE, RESIZE_SIZE, 3])
    x = (2.0 * x) - 1.0

    is_training = mode == tf.estimator.ModeKeys.TRAIN
    logits = cnn(x, is_training,
                 num_classes=params['num_classes'],
                 depth_multiplier=params['depth_multiplier'])
    predicted_class = tf.argmax(logits, 1, output_type=tf.int32)
    predictions = {
        'class_ids': predicted_class[:, tf.newaxis],
        'probabilities': tf.nn.softmax(logits, axis=1),
    }

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions=predictions)

    with tf.name_scope('evaluation_ops'):
        accuracy = tf.metrics.accuracy(labels['labels'], predicted_class)

    with tf.name_scope('weight_decay'):
        add_weight_decay(params['weight_decay'])
        regularization_loss = tf.losses.get_regularization_loss()
        tf.summary.scalar('regularization_loss', regularization_loss)

    with tf.variable_scope('cross_entropy'):
        loss = tf.losses.sparse_softmax_cross_entropy(labels=labels['labels'], logits=logits)
    total_loss = tf.losses.get_total_loss(add_regularization_losses=True)

    if mode == tf.estimator.ModeKeys.EVAL:
        return tf.estimator.EstimatorSpec(mode, loss=total_loss,
                                          eval_metric_ops={'val_accuracy': accuracy})

    with tf.variable_scope('learning_rate'):
        global_step = tf.train.get_global_step()
        learning_rate = tf.train.polynomial_decay(
            params['initial_learning_rate'], global_step,
            decay_steps=params['decay_steps'],
            end_learning_rate=params['end_learning_rate'])
    tf.summary.scalar('learning_rate', learning_rate)

    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops), tf.variable_scope('optimizer'):
        optimizer = tf.train.MomentumOptimizer(learning_rate, momentum=MOMENTUM)
        grads_and_vars = optimizer.compute_gradients(total_loss)
        train_op = optimizer.apply_gradients(grads_and_vars, global_step)

    with tf.control_dependencies([train_op]), tf.name_scope('ema'):
        ema = tf.train.ExponentialMovingAverage(decay=MOVING_AVERAGE_DECAY, num_updates=global_step)
        train_op = ema.apply(tf.trainable_variables())

    tf.summary.scalar('train_accuracy', accuracy[1])
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)


def add_weight_decay(weight_decay):
    """L2 on conv/fc kernels only (no depthwise kernels, no biases, no BN)."""
    weights = [v for v in tf.trainable_variables()
               if 'weights' in v.name and 'depthwise_weights' not in v.name]
    for w in weights:
        value = tf.multiply(weight_decay, tf.nn.l2_loss(w))
        tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, value)
