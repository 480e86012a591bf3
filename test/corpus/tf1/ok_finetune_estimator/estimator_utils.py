# Idiom seen in: xuzhezhaozhao/ai tf/slim/models/common/build_model_fn_utils.py
# What it reproduces: shared Estimator helpers where get_loss() adds tf.losses.get_regularization_loss() to the cross entropy and the train spec passes that sum to tf.contrib.training.create_train_op (clean).
import tensorflow as tf
import tensorflow.contrib.slim as slim

_global_learning_rate = 0.001


def set_global_learning_rate(rate):
    global _global_learning_rate
    _global_learning_rate = rate


def get_loss(logits, labels, name):
    with tf.name_scope(name):
        l2_loss = tf.losses.get_regularization_loss()
        ce_loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(
            logits=logits, labels=tf.argmax(labels, 1)))
        loss = l2_loss + ce_loss
        tf.summary.scalar("l2_loss", l2_loss)
        tf.summary.scalar("ce_loss", ce_loss)
        tf.summary.scalar("total_loss", loss)
    return loss


def finetune_variables(opts):
    variables = []
    for scope in opts.train_layers:
        variables.extend(slim.get_variables(scope))
    return variables


def create_estimator_spec(mode, logits, labels, params):
    opts = params["opts"]
    if mode == tf.estimator.ModeKeys.PREDICT:
        score = tf.nn.softmax(logits)
        outputs = {"predicts": tf.estimator.export.PredictOutput(outputs={"score": score})}
        return tf.estimator.EstimatorSpec(mode, predictions={"score": score}, export_outputs=outputs)

    if mode == tf.estimator.ModeKeys.EVAL:
        accuracy = tf.metrics.accuracy(labels=tf.argmax(labels, 1), predictions=tf.argmax(logits, 1))
        loss = get_loss(logits, labels, "eval")
        return tf.estimator.EstimatorSpec(mode, loss=loss, eval_metric_ops={"accuracy": accuracy})

    loss = get_loss(logits, labels, "train")
    optimizer = tf.train.MomentumOptimizer(_global_learning_rate, opts.optimizer_momentum)
    train_op = tf.contrib.training.create_train_op(
        total_loss=loss,
        optimizer=optimizer,
        global_step=tf.train.get_global_step(),
        update_ops=tf.get_collection(tf.GraphKeys.UPDATE_OPS),
        variables_to_train=finetune_variables(opts),
        summarize_gradients=True,
        check_numerics=True)
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)
