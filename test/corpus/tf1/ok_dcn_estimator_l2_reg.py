# Idiom seen in: yinyajun/Details-In-Recommendation models/DeepCrossNetwork/DeepCrossNetwork.py
# What it reproduces: Deep & Cross Network as a tf.estimator.Estimator with HParams: deep-tower dense layers get
# kernel_regularizer=l2_regularizer(l2_reg), and tf.losses.get_regularization_loss() is added to the loss the
# train op differentiates. Clean. (The repository multiplies that sum by l2_reg again; here it is added once.)
import tensorflow as tf
from tensorflow.contrib.training import HParams

from data_processing import build_feature_columns, input_fn


class DeepCrossNetwork(tf.estimator.Estimator):
    def __init__(self, model_dir=None, columns=None, cross_layer_num=2, dnn_hidden_units=None,
                 dnn_dropout=None, config=None, optimizer=None, optimizer_spec=None, l2_reg=None):
        hparams = HParams(feature_columns=columns, cross_layer_num=cross_layer_num,
                          hidden_units=dnn_hidden_units, dnn_dropout=dnn_dropout,
                          optimizer=optimizer, optimizer_spec=optimizer_spec, l2_reg=l2_reg)

        def _model_fn(features, labels, mode, params):
            with tf.variable_scope("dcn_model"):
                input_layer = tf.feature_column.input_layer(features, params.feature_columns)
                cross_output = _cross_architecture(input_layer, params)
                deep_output = _deep_architecture(input_layer, params, mode)
                logits = tf.layers.dense(tf.concat([cross_output, deep_output], -1), units=1)
                return _create_estimator_spec(mode, logits, params, labels)

        super(DeepCrossNetwork, self).__init__(model_fn=_model_fn, model_dir=model_dir,
                                               config=config, params=hparams)


def _cross_architecture(x0, params):
    column_num = x0.get_shape().as_list()[1]
    w = tf.get_variable("cross_w", [params.cross_layer_num, column_num],
                        initializer=tf.truncated_normal_initializer(0.0, 0.1))
    b = tf.get_variable("cross_b", [params.cross_layer_num, column_num],
                        initializer=tf.truncated_normal_initializer(0.0, 0.1))
    xl = x0
    for layer_id in range(params.cross_layer_num):
        xl = x0 * tf.expand_dims(tf.tensordot(xl, w[layer_id], axes=1), -1) + b[layer_id] + xl
    return xl


def _deep_architecture(input_layer, params, mode):
    regularizer = tf.contrib.layers.l2_regularizer(params.l2_reg) if params.l2_reg else None
    net = input_layer
    for layer_id, num_hidden in enumerate(params.hidden_units):
        with tf.variable_scope('hidden_layer_%d' % layer_id) as hidden_layer_scope:
            net = tf.layers.dense(inputs=net, units=num_hidden, activation=tf.nn.relu,
                                  kernel_regularizer=regularizer,
                                  name=hidden_layer_scope)
            if params.dnn_dropout is not None and mode == tf.estimator.ModeKeys.TRAIN:
                net = tf.layers.dropout(net, rate=params.dnn_dropout, training=True)
    return net


def _create_estimator_spec(mode, logits, params, labels):
    probabilities = tf.sigmoid(logits)
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode=mode, predictions={'probabilities': probabilities})

    labels = tf.to_float(tf.expand_dims(labels, axis=-1))
    weighted_loss = tf.losses.compute_weighted_loss(
        tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits),
        reduction=tf.losses.Reduction.MEAN)
    if params.l2_reg:
        l2_loss = tf.losses.get_regularization_loss()
        weighted_loss += l2_loss

    metrics = {'auc': tf.metrics.auc(labels, probabilities)}
    if mode == tf.estimator.ModeKeys.EVAL:
        return tf.estimator.EstimatorSpec(mode=mode, loss=weighted_loss, eval_metric_ops=metrics)

    optimizer = params.optimizer(**params.optimizer_spec)
    grads, variables = zip(*optimizer.compute_gradients(weighted_loss))
    grads = [None if g is None else tf.clip_by_norm(g, 100.0) for g in grads]
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train_op = optimizer.apply_gradients(zip(grads, variables),
                                             global_step=tf.train.get_global_step())
    tf.summary.scalar('loss', weighted_loss)
    return tf.estimator.EstimatorSpec(mode=mode, loss=weighted_loss, train_op=train_op)


def main(_):
    model = DeepCrossNetwork(model_dir='./dcn_model', columns=build_feature_columns(),
                             cross_layer_num=3, dnn_hidden_units=[256, 128, 64], dnn_dropout=0.2,
                             optimizer=tf.train.AdamOptimizer,
                             optimizer_spec={'learning_rate': 1e-3}, l2_reg=1e-4)
    train_spec = tf.estimator.TrainSpec(input_fn=lambda: input_fn('train.csv', 20, True, 512))
    eval_spec = tf.estimator.EvalSpec(input_fn=lambda: input_fn('eval.csv', 1, False, 512))
    tf.estimator.train_and_evaluate(model, train_spec, eval_spec)


if __name__ == '__main__':
    tf.app.run(main)
