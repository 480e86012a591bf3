# Idiom seen in: konstantinkobs/tf-estimator-template model_fn.py
# What it reproduces: template Estimator model_fn (conv1d + dense regressor) with kernel_regularizer from params;
#   the minimized loss is mse + tf.losses.get_regularization_loss(), so the regularizers are trained (clean).
import tensorflow as tf

from data import input_fn


def model_fn(features, labels, mode, params):
    reg = tf.contrib.layers.l2_regularizer(params["weight_decay"])

    conv1 = tf.layers.conv1d(inputs=features["x"], filters=16, kernel_size=5, padding="valid",
                             activation=tf.nn.elu, kernel_regularizer=reg, name="conv1")
    pool1 = tf.layers.max_pooling1d(conv1, 2, 1, "valid", name="pool1")
    flat = tf.contrib.layers.flatten(pool1)
    dense1 = tf.layers.dense(inputs=flat, units=32, activation=tf.nn.elu,
                             kernel_regularizer=reg, name="dense1")
    out = tf.layers.dense(inputs=dense1, units=1, activation=tf.nn.relu, name="out")

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode=mode, predictions=out)

    mse = tf.reduce_mean(tf.squared_difference(labels, out))
    reg_loss = tf.losses.get_regularization_loss()
    loss = mse + reg_loss
    tf.summary.scalar("rmse", tf.sqrt(mse))
    tf.summary.scalar("reg_loss", reg_loss)

    if mode == tf.estimator.ModeKeys.EVAL:
        return tf.estimator.EstimatorSpec(mode=mode, loss=loss,
                                          eval_metric_ops={"rmse": tf.metrics.root_mean_squared_error(labels, out)})

    train_op = tf.train.AdamOptimizer(learning_rate=params["learning_rate"]) \
        .minimize(loss, global_step=tf.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode=mode, loss=loss, train_op=train_op)


def main(_):
    estimator = tf.estimator.Estimator(model_fn=model_fn, model_dir="model/",
                                       params={"learning_rate": 1e-3, "weight_decay": 1e-3})
    estimator.train(input_fn=lambda: input_fn("train"), steps=5000)
    print(estimator.evaluate(input_fn=lambda: input_fn("val")))


if __name__ == "__main__":
    tf.app.run()
