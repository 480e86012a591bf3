# Idiom seen in: lambdaji/tf_repos deep_ctr/Model_pipeline/DeepFM.py
# What it reproduces: a DeepFM Estimator model_fn whose MLP layers set weights_regularizer=l2_regularizer, while the loss only adds hand-written l2 terms for the FM weights; REGULARIZATION_LOSSES is never read, so the MLP decay is dead (bug).
import glob
import random

import tensorflow as tf

from ctr_input import libsvm_input_fn

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer("feature_size", 117581, "number of features")
tf.app.flags.DEFINE_integer("field_size", 39, "number of fields")
tf.app.flags.DEFINE_integer("embedding_size", 16, "embedding size")
tf.app.flags.DEFINE_integer("batch_size", 256, "batch size")
tf.app.flags.DEFINE_integer("num_epochs", 5, "epochs")
tf.app.flags.DEFINE_float("learning_rate", 5e-4, "learning rate")
tf.app.flags.DEFINE_float("l2_reg", 1e-4, "L2 regularization strength")
tf.app.flags.DEFINE_string("deep_layers", "400,400,400", "hidden units")
tf.app.flags.DEFINE_string("dropout", "0.5,0.5,0.5", "keep probabilities")
tf.app.flags.DEFINE_string("data_dir", "", "libsvm files")
tf.app.flags.DEFINE_string("model_dir", "", "checkpoint dir")


def deepfm_model_fn(features, labels, mode, params):
    n_fields = params["field_size"]
    emb_dim = params["embedding_size"]
    l2_reg = params["l2_reg"]
    hidden = [int(h) for h in params["deep_layers"].split(",")]
    keep = [float(k) for k in params["dropout"].split(",")]

    fm_bias = tf.get_variable("fm_bias", [1], initializer=tf.constant_initializer(0.0))
    fm_w = tf.get_variable("fm_w", [params["feature_size"]], initializer=tf.glorot_normal_initializer())
    fm_v = tf.get_variable("fm_v", [params["feature_size"], emb_dim],
                           initializer=tf.glorot_normal_initializer())

    ids = tf.reshape(features["feat_ids"], [-1, n_fields])
    vals = tf.reshape(features["feat_vals"], [-1, n_fields])

    with tf.variable_scope("first_order"):
        y_first = tf.reduce_sum(tf.nn.embedding_lookup(fm_w, ids) * vals, 1)

    with tf.variable_scope("second_order"):
        emb = tf.nn.embedding_lookup(fm_v, ids) * tf.expand_dims(vals, -1)
        sum_sq = tf.square(tf.reduce_sum(emb, 1))
        sq_sum = tf.reduce_sum(tf.square(emb), 1)
        y_second = 0.5 * tf.reduce_sum(sum_sq - sq_sum, 1)

    with tf.variable_scope("deep"):
        net = tf.reshape(emb, [-1, n_fields * emb_dim])
        for i, units in enumerate(hidden):
            net = tf.contrib.layers.fully_connected(
                inputs=net, num_outputs=units,
                weights_regularizer=tf.contrib.layers.l2_regularizer(l2_reg),  # expect: WD102
                scope="mlp%d" % i)
            if mode == tf.estimator.ModeKeys.TRAIN:
                net = tf.nn.dropout(net, keep_prob=keep[i])
        y_deep = tf.contrib.layers.fully_connected(
            inputs=net, num_outputs=1, activation_fn=tf.identity,
            weights_regularizer=tf.contrib.layers.l2_regularizer(l2_reg),  # expect: WD102
            scope="deep_out")
        y_deep = tf.reshape(y_deep, [-1])

    logits = fm_bias + y_first + y_second + y_deep
    prob = tf.sigmoid(logits)
    predictions = {"prob": prob}
    if mode == tf.estimator.ModeKeys.PREDICT:
        export = {"serving_default": tf.estimator.export.PredictOutput(predictions)}
        return tf.estimator.EstimatorSpec(mode, predictions=predictions, export_outputs=export)

    log_loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=logits, labels=labels))
    loss = log_loss + l2_reg * tf.nn.l2_loss(fm_w) + l2_reg * tf.nn.l2_loss(fm_v)

    if mode == tf.estimator.ModeKeys.EVAL:
        metrics = {"auc": tf.metrics.auc(labels, prob)}
        return tf.estimator.EstimatorSpec(mode, loss=loss, eval_metric_ops=metrics)

    optimizer = tf.train.AdamOptimizer(learning_rate=params["learning_rate"], beta1=0.9, beta2=0.999)
    train_op = optimizer.minimize(loss, global_step=tf.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)


def main(_):
    train_files = glob.glob("%s/tr*.libsvm" % FLAGS.data_dir)
    random.shuffle(train_files)
    valid_files = glob.glob("%s/va*.libsvm" % FLAGS.data_dir)
    params = {
        "field_size": FLAGS.field_size,
        "feature_size": FLAGS.feature_size,
        "embedding_size": FLAGS.embedding_size,
        "learning_rate": FLAGS.learning_rate,
        "l2_reg": FLAGS.l2_reg,
        "deep_layers": FLAGS.deep_layers,
        "dropout": FLAGS.dropout,
    }
    config = tf.estimator.RunConfig().replace(save_summary_steps=1000, log_step_count_steps=1000)
    ctr_model = tf.estimator.Estimator(model_fn=deepfm_model_fn, model_dir=FLAGS.model_dir,
                                       params=params, config=config)
    train_spec = tf.estimator.TrainSpec(
        input_fn=lambda: libsvm_input_fn(train_files, FLAGS.batch_size, FLAGS.num_epochs, True))
    eval_spec = tf.estimator.EvalSpec(
        input_fn=lambda: libsvm_input_fn(valid_files, FLAGS.batch_size, 1, False), steps=None)
    tf.estimator.train_and_evaluate(ctr_model, train_spec, eval_spec)


if __name__ == "__main__":
    tf.logging.set_verbosity(tf.logging.INFO)
    tf.app.run()
