# Idiom seen in: dikatok/deeplabv3plus_matting models/losses.py
# Idiom seen in: dikatok/deeplabv3plus_matting utils/train_utils.py
# Idiom seen in: dikatok/deeplabv3plus_matting train.py
# What it reproduces: a loss factory whose loss_fn(logits, labels, weight_decay) builds an L2 term over
#   tf.trainable_variables(); the repo's history had the term disabled at one point. Here the term is still
#   computed, but total_loss was left as the bare cross entropy, so the Estimator trains with no decay (WD104).
import tensorflow as tf


def create_train_op(loss, learning_rate, momentum):
    global_step = tf.train.get_global_step()
    with tf.variable_scope("optimizer"):
        optimizer = tf.train.MomentumOptimizer(
            learning_rate=learning_rate, momentum=momentum, use_nesterov=True)
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            train_op = optimizer.minimize(loss, global_step)
    return train_op


def create_estimator_fn(model_fn, loss_fn, metrics_fn):
    """Returns estimator_fn(features, labels, mode, params) -> EstimatorSpec."""

    def estimator_fn(features, labels, mode, params):
        is_training = mode == tf.estimator.ModeKeys.TRAIN
        images = tf.identity(features, name="images")
        logits = tf.identity(model_fn(images, is_training=is_training), name="logits")
        preds = tf.expand_dims(tf.argmax(logits, axis=3), axis=3)

        if mode == tf.estimator.ModeKeys.PREDICT:
            return tf.estimator.EstimatorSpec(mode=mode, predictions=preds)

        loss = loss_fn(logits=logits, labels=labels, weight_decay=params.weight_decay)
        metrics_ops = metrics_fn(predictions=preds, labels=labels)

        train_op = None
        if is_training:
            train_op = create_train_op(loss, params.learning_rate, params.momentum)

        tf.summary.scalar("loss", loss)
        return tf.estimator.EstimatorSpec(mode=mode, predictions=preds, loss=loss,
                                          train_op=train_op, eval_metric_ops=metrics_ops)

    return estimator_fn
