# Idiom seen in: osljw/osljw_docs docs/Machine_Learning/2018-11-19-tensorflow_estimator.md
# What it reproduces: an Estimator model_fn that keeps its tf.contrib.layers.l2_regularizer on the dense
#   kernels (summed into the loss with get_regularization_loss) after switching the optimizer to
#   tf.contrib.opt.AdamWOptimizer(weight_decay=...) on the same kernels: the kernels are decayed twice.
import tensorflow as tf

import input_fn_builder

tf.app.flags.DEFINE_string('model_dir', 'model/deep_ctr', 'Model dir.')
tf.app.flags.DEFINE_float('learning_rate', 0.001, 'Learning rate.')
tf.app.flags.DEFINE_float('weight_decay', 1e-4, 'Decoupled weight decay of AdamW.')
tf.app.flags.DEFINE_float('l2_reg', 1e-4, 'L2 regularizer scale of the dense kernels.')
FLAGS = tf.app.flags.FLAGS


def model_fn(features, labels, mode, params):
    net = tf.feature_column.input_layer(features, params['feature_columns'])
    reg = tf.contrib.layers.l2_regularizer(params['l2_reg'])
    for i, units in enumerate(params['hidden_units']):
        net = tf.layers.dense(net, units, activation=tf.nn.relu,
                              kernel_initializer=tf.glorot_uniform_initializer(),
                              kernel_regularizer=reg, name='hidden_%d' % i)  # expect: WD201
        net = tf.layers.dropout(net, rate=0.2, training=(mode == tf.estimator.ModeKeys.TRAIN))
    logits = tf.layers.dense(net, 1, kernel_regularizer=reg, name='logits')  # expect: WD201
    probs = tf.sigmoid(logits)

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={'prob': probs})

    labels = tf.reshape(tf.cast(labels, tf.float32), [-1, 1])
    data_loss = tf.losses.sigmoid_cross_entropy(labels, logits)
    loss = data_loss + tf.losses.get_regularization_loss()

    kernels = [v for v in tf.trainable_variables() if v.name.endswith('kernel:0')]
    optimizer = tf.contrib.opt.AdamWOptimizer(weight_decay=params['weight_decay'],
                                              learning_rate=params['learning_rate'])
    train_op = optimizer.minimize(loss, global_step=tf.train.get_global_step(), decay_var_list=kernels)
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op,
                                      eval_metric_ops={'auc': tf.metrics.auc(labels, probs)})


def main(_):
    feature_columns = input_fn_builder.build_feature_columns()
    estimator = tf.estimator.Estimator(
        model_fn=model_fn, model_dir=FLAGS.model_dir,
        params={'feature_columns': feature_columns, 'hidden_units': [256, 128, 64],
                'learning_rate': FLAGS.learning_rate, 'weight_decay': FLAGS.weight_decay,
                'l2_reg': FLAGS.l2_reg})
    tf.estimator.train_and_evaluate(
        estimator,
        tf.estimator.TrainSpec(input_fn=input_fn_builder.train_input_fn, max_steps=100000),
        tf.estimator.EvalSpec(input_fn=input_fn_builder.eval_input_fn))


if __name__ == '__main__':
    tf.app.run()
