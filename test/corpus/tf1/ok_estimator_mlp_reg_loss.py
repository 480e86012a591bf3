# Idiom seen in: jhui/jhui.github.io _posts/2017-03-14-TensorFlow-Estimator.markdown
# What it reproduces: a custom Estimator model_fn whose tf.layers.dense layers take
#   kernel_regularizer=l2_regularizer(params["weight_decay"]); the training loss adds
#   tf.losses.get_regularization_loss() before minimize, so REGULARIZATION_LOSSES reach the optimizer. Clean.
import tensorflow as tf

from mnist_input import train_input_fn, eval_input_fn  # tf.data input functions, not in this file


def model_fn(features, labels, mode, params):
    kernel_initializer = tf.variance_scaling_initializer()
    kernel_regularizer = tf.contrib.layers.l2_regularizer(params["weight_decay"])

    layer = tf.cast(tf.reshape(features["image"], [-1, 28 * 28]), tf.float32) / 255.0
    for i, units in enumerate(params["layers"]):
        layer = tf.layers.dense(layer, units, activation=tf.nn.elu,
                                kernel_initializer=kernel_initializer,
                                kernel_regularizer=kernel_regularizer,
                                name="hidden_%d" % i)
    logits = tf.layers.dense(layer, 10, kernel_regularizer=kernel_regularizer, name="logits")
    predictions = tf.argmax(logits, axis=1)

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={"classes": predictions})

    data_loss = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
    loss = data_loss + tf.losses.get_regularization_loss()

    if mode == tf.estimator.ModeKeys.EVAL:
        metrics = {"accuracy": tf.metrics.accuracy(labels, predictions)}
        return tf.estimator.EstimatorSpec(mode, loss=loss, eval_metric_ops=metrics)

    optimizer = tf.train.AdamOptimizer(params["learning_rate"])
    train_op = optimizer.minimize(loss, global_step=tf.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)


def main(_):
    params = {"layers": [300, 100], "weight_decay": 1e-4, "learning_rate": 1e-3}
    estimator = tf.estimator.Estimator(model_fn=model_fn, params=params, model_dir="/tmp/mnist_mlp")
    estimator.train(input_fn=train_input_fn, steps=20000)
    print(estimator.evaluate(input_fn=eval_input_fn))


if __name__ == "__main__":
    tf.app.run()
