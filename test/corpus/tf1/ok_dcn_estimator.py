# Idiom seen in: Desperado-Jia/DeepRec deeprec/DCN/dcn.py
# What it reproduces: Deep & Cross Network as an Estimator model_fn driven by tf.flags; the deep tf.layers.dense and the
#   cross get_variable weights carry l2_regularizer(lamb) and the loss adds reduce_sum(REGULARIZATION_LOSSES). Clean.
import tensorflow as tf
from tensorflow.contrib.layers import xavier_initializer, l2_regularizer

from dcn_input import input_fn

FLAGS = tf.flags.FLAGS
tf.flags.DEFINE_string("model_dir", None, "checkpoint dir")
tf.flags.DEFINE_string("data_dir", None, "dataset dir")
tf.flags.DEFINE_integer("embed_size", 8, "embedding size")
tf.flags.DEFINE_integer("num_cross_hidden_layers", 3, "cross layers")
tf.flags.DEFINE_list("deep_hidden_sizes", ["128", "64"], "deep part sizes")
tf.flags.DEFINE_float("lamb", 0.001, "coefficient of regularization term")
tf.flags.DEFINE_float("learning_rate", 0.003, "learning rate")


def model_fn(features, labels, mode, params):
    lamb = params["lamb"]
    with tf.variable_scope("dcn"):
        emb = tf.get_variable("embeddings", [params["feat_size"], params["embed_size"]],
                              initializer=xavier_initializer())
        x = tf.reshape(tf.nn.embedding_lookup(emb, features["inds"]),
                       [-1, params["field_size"] * params["embed_size"]])
        dim = params["field_size"] * params["embed_size"]

        ydeep = x
        for l, units in enumerate(params["deep_hidden_sizes"]):
            ydeep = tf.layers.dense(ydeep, int(units), activation=tf.nn.relu,
                                    kernel_regularizer=l2_regularizer(scale=lamb),
                                    name="deep-dense-hidden-{}".format(l))

        Wc = tf.get_variable("Wc", [params["num_cross_hidden_layers"], dim],
                             initializer=xavier_initializer(uniform=False),
                             regularizer=l2_regularizer(scale=lamb))
        bc = tf.get_variable("bc", [params["num_cross_hidden_layers"], dim],
                             initializer=tf.zeros_initializer())
        ycross = x
        for l in range(params["num_cross_hidden_layers"]):
            xwl = tf.matmul(ycross, tf.expand_dims(Wc[l], axis=1))
            ycross = x * xwl + ycross + bc[l]

        logits = tf.squeeze(tf.layers.dense(tf.concat([ycross, ydeep], axis=-1), 1,
                                            kernel_regularizer=l2_regularizer(scale=lamb),
                                            name="output"), axis=1)

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode=mode, predictions={"prob": tf.sigmoid(logits)})

    loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits))
    reg = tf.reduce_sum(tf.get_collection(key=tf.GraphKeys.REGULARIZATION_LOSSES), name="regularization")
    loss += reg

    if mode == tf.estimator.ModeKeys.EVAL:
        auc = tf.metrics.auc(labels=labels, predictions=tf.sigmoid(logits))
        return tf.estimator.EstimatorSpec(mode=mode, loss=loss, eval_metric_ops={"auc": auc})

    global_step = tf.train.get_or_create_global_step()
    opt = tf.train.AdamOptimizer(learning_rate=params["learning_rate"], beta1=0.9, beta2=0.999)
    train_op = opt.minimize(loss, global_step=global_step, name="train_op")
    return tf.estimator.EstimatorSpec(mode=mode, loss=loss, train_op=train_op)


def main(unused_argv):
    hparams = {"feat_size": 117581, "field_size": 39, "embed_size": FLAGS.embed_size,
               "num_cross_hidden_layers": FLAGS.num_cross_hidden_layers,
               "deep_hidden_sizes": FLAGS.deep_hidden_sizes, "lamb": FLAGS.lamb,
               "learning_rate": FLAGS.learning_rate}
    estimator = tf.estimator.Estimator(model_fn=model_fn, model_dir=FLAGS.model_dir, params=hparams)
    estimator.train(input_fn=lambda: input_fn(FLAGS.data_dir + "/train*", batch_size=512, epochs=5))


if __name__ == "__main__":
    tf.app.run(main=main)
