# Idiom seen in: jinay1991/mobilenet_v2 model_fn.py
# What it reproduces: MobileNet-v2-like Estimator model_fn written with plain tf.Variable weights
#   (tf.compat.v1); the weights are gathered in a list and WEIGHT_DECAY * sum(l2_loss) is added to the
#   cross entropy that MomentumOptimizer minimizes (clean).
import tensorflow as tf

from input_pipeline import train_input_fn

WEIGHT_DECAY = 4e-5
MOMENTUM = 0.9


def _conv(x, shape, stride, weights, mu=0.0, sigma=1e-2, depthwise=False, relu=True):
    w = tf.Variable(tf.random.truncated_normal(shape=shape, mean=mu, stddev=sigma))
    b = tf.Variable(tf.zeros(shape=(shape[2] if depthwise else shape[3],)))
    weights.append(w)
    if depthwise:
        y = tf.nn.depthwise_conv2d(x, w, strides=(1, stride, stride, 1), padding="SAME")
    else:
        y = tf.nn.conv2d(x, w, strides=(1, stride, stride, 1), padding="SAME")
    y = tf.add(y, b)
    return tf.nn.relu6(y) if relu else y


def bottleneck(x, c_in, c_out, t, stride, weights):
    h = _conv(x, (1, 1, c_in, c_in * t), 1, weights)
    h = _conv(h, (3, 3, c_in * t, 1), stride, weights, depthwise=True)
    h = _conv(h, (1, 1, c_in * t, c_out), 1, weights, relu=False)
    if stride == 1 and c_in == c_out:
        h = tf.add(h, x)
    return h


def mobilenet_v2(features, num_classes, weights):
    with tf.compat.v1.variable_scope("P0"):
        x = tf.image.resize(features, (224, 224))
    x = _conv(x, (3, 3, 3, 32), 2, weights)
    for c_in, c_out, t, s in [(32, 16, 1, 1), (16, 24, 6, 2), (24, 24, 6, 1), (24, 32, 6, 2), (32, 64, 6, 2)]:
        x = bottleneck(x, c_in, c_out, t, s, weights)
    x = tf.reduce_mean(x, axis=[1, 2])
    w_fc = tf.Variable(tf.random.truncated_normal((64, num_classes), stddev=1e-2))
    weights.append(w_fc)
    return tf.matmul(x, w_fc)


def model_fn(features, labels, mode, params):
    weights = []
    logits = mobilenet_v2(features, params["num_classes"], weights)
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={"classes": tf.argmax(logits, 1)})

    xent = tf.compat.v1.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
    l2 = tf.add_n([tf.nn.l2_loss(w) for w in weights])
    loss = xent + WEIGHT_DECAY * l2
    if mode == tf.estimator.ModeKeys.EVAL:
        acc = tf.compat.v1.metrics.accuracy(labels, tf.argmax(logits, 1))
        return tf.estimator.EstimatorSpec(mode, loss=loss, eval_metric_ops={"accuracy": acc})

    optimizer = tf.compat.v1.train.MomentumOptimizer(params["learning_rate"], MOMENTUM)
    train_op = optimizer.minimize(loss, global_step=tf.compat.v1.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)


if __name__ == "__main__":
    classifier = tf.estimator.Estimator(model_fn=model_fn, model_dir="mobilenet_v2_model",
                                        params={"num_classes": 43, "learning_rate": 0.045})
    classifier.train(input_fn=lambda: train_input_fn("data/train.p", batch_size=96), steps=20000)
