# Idiom seen in: Desperado-Jia/DeepRec deeprec/DCN/dcn.py
# What it reproduces: the repository's Estimator model_fn style (flags, l2_regularizer(lamb) on tf.layers.dense,
#   reduce_sum of REGULARIZATION_LOSSES); realistic mistake: the sum is added only to the EVAL loss, the train_op minimizes the bare loss.
import tensorflow as tf
from tensorflow.contrib.layers import l2_regularizer

from deepfm_input import input_fn

FLAGS = tf.flags.FLAGS
tf.flags.DEFINE_string("model_dir", None, "checkpoint dir")
tf.flags.DEFINE_string("data_dir", None, "dataset dir")
tf.flags.DEFINE_float("lamb", 0.001, "coefficient of regularization term")
tf.flags.DEFINE_float("learning_rate", 0.001, "learning rate")


def model_fn(features, labels, mode, params):
    lamb = params["lamb"]
    field_size, embed_size = params["field_size"], params["embed_size"]
    with tf.variable_scope("deepfm"):
        w1 = tf.get_variable("linear_w", [params["feat_size"], 1], initializer=tf.zeros_initializer())
        v = tf.get_variable("fm_v", [params["feat_size"], embed_size],
                            initializer=tf.glorot_normal_initializer())
        inds = features["inds"]
        y_linear = tf.reduce_sum(tf.nn.embedding_lookup(w1, inds), axis=[1, 2])
        emb = tf.nn.embedding_lookup(v, inds)
        y_fm = 0.5 * tf.reduce_sum(tf.square(tf.reduce_sum(emb, 1)) - tf.reduce_sum(tf.square(emb), 1), 1)
        deep = tf.reshape(emb, [-1, field_size * embed_size])
        for l, units in enumerate([200, 200, 200]):
            deep = tf.layers.dense(deep, units, activation=tf.nn.relu,
                                   kernel_regularizer=l2_regularizer(scale=lamb), name="dnn_%d" % l)
        y_deep = tf.squeeze(tf.layers.dense(deep, 1, kernel_regularizer=l2_regularizer(scale=lamb),
                                            name="dnn_out"), axis=1)
        logits = y_linear + y_fm + y_deep

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode=mode, predictions={"prob": tf.sigmoid(logits)})

    loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits))
    reg = tf.reduce_sum(tf.get_collection(key=tf.GraphKeys.REGULARIZATION_LOSSES), name="regularization")  # expect: WD105

    if mode == tf.estimator.ModeKeys.EVAL:
        auc = tf.metrics.auc(labels=labels, predictions=tf.sigmoid(logits))
        return tf.estimator.EstimatorSpec(mode=mode, loss=loss + reg, eval_metric_ops={"auc": auc})

    global_step = tf.train.get_or_create_global_step()
    opt = tf.train.AdamOptimizer(learning_rate=params["learning_rate"])
    train_op = opt.minimize(loss=loss, global_step=global_step, name="train_op")
    return tf.estimator.EstimatorSpec(mode=mode, loss=loss, train_op=train_op)


def main(unused_argv):
    hparams = {"feat_size": 117581, "field_size": 39, "embed_size": 8,
               "lamb": FLAGS.lamb, "learning_rate": FLAGS.learning_rate}
    estimator = tf.estimator.Estimator(model_fn=model_fn, model_dir=FLAGS.model_dir, params=hparams)
    estimator.train(input_fn=lambda: input_fn(FLAGS.data_dir + "/train*", batch_size=1024, epochs=3))


if __name__ == "__main__":
    tf.app.run(main=main)
