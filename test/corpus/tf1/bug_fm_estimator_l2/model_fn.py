# Idiom seen in: gdtydm/FM-FFM model_fn.py
# What it reproduces: create_model_fn(model) returning an Estimator model_fn that trains with
# tf.contrib.layers.optimize_loss on the mean sigmoid cross entropy only (no regularization losses added).
import tensorflow as tf


def create_model_fn(model):
    def model_fn(features, labels, params, mode):
        threshold = params.threshold if params.threshold else 0.5
        logits = model(params, features['df_i'], features['df_v']).logits

        if mode == tf.estimator.ModeKeys.PREDICT:
            prob = tf.nn.sigmoid(logits, name="sigmoid")
            return tf.estimator.EstimatorSpec(mode, predictions={
                "predict_pro": prob, "predict": tf.cast(prob > threshold, tf.int32)})

        loss = tf.reduce_mean(
            tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits), name="loss")
        prob = tf.nn.sigmoid(logits)
        auc = tf.metrics.auc(labels=labels, predictions=prob, name="auc")

        if mode == tf.estimator.ModeKeys.TRAIN:
            train_op = tf.contrib.layers.optimize_loss(
                loss=loss,
                global_step=tf.train.get_global_step(),
                learning_rate=params.lr,
                clip_gradients=10.0,
                optimizer=params.opt_type)
            tf.summary.scalar('train_auc', auc[1])
            return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)

        return tf.estimator.EstimatorSpec(mode, loss=loss, eval_metric_ops={"auc": auc})

    return model_fn
