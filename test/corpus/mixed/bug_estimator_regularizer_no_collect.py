# Idiom seen in: tensorflow/models official/r1/resnet/resnet_run_loop.py
# What it reproduces: an Estimator model_fn in the resnet_run_loop style (compat.v1 losses, logging
# identities, MomentumOptimizer.compute_gradients + apply_gradients + UPDATE_OPS), where the explicit
# `weight_decay * add_n(l2_loss(v))` term was replaced by layer regularizers. The loss is still the
# bare cross entropy, so nothing reads REGULARIZATION_LOSSES: every kernel_regularizer is dead (WD102).
import tensorflow as tf

import census_input

flags = tf.compat.v1.app.flags
flags.DEFINE_string('model_dir', '/tmp/census_model', 'Model directory.')
flags.DEFINE_float('weight_decay', 2e-4, 'L2 scale of the layer regularizers.')
flags.DEFINE_float('learning_rate', 0.05, 'Initial learning rate.')
flags.DEFINE_integer('train_steps', 20000, 'Number of training steps.')
FLAGS = flags.FLAGS


def model_fn(features, labels, mode, params):
    regularizer = tf.keras.regularizers.l2(params['weight_decay'])
    net = tf.compat.v1.feature_column.input_layer(features, params['feature_columns'])
    for units in params['hidden_units']:
        net = tf.compat.v1.layers.dense(
            net, units, activation=tf.nn.relu,
            kernel_regularizer=regularizer)  # expect: WD102
        net = tf.compat.v1.layers.batch_normalization(
            net, training=mode == tf.estimator.ModeKeys.TRAIN)
    logits = tf.compat.v1.layers.dense(
        net, params['n_classes'],
        kernel_regularizer=regularizer)  # expect: WD102

    predictions = {'classes': tf.argmax(logits, axis=1), 'probabilities': tf.nn.softmax(logits)}
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions)

    cross_entropy = tf.compat.v1.losses.sparse_softmax_cross_entropy(logits=logits, labels=labels)
    tf.identity(cross_entropy, name='cross_entropy')
    tf.compat.v1.summary.scalar('cross_entropy', cross_entropy)
    loss = cross_entropy

    train_op = None
    if mode == tf.estimator.ModeKeys.TRAIN:
        global_step = tf.compat.v1.train.get_or_create_global_step()
        learning_rate = tf.compat.v1.train.exponential_decay(
            params['learning_rate'], global_step, 5000, 0.5, staircase=True)
        optimizer = tf.compat.v1.train.MomentumOptimizer(learning_rate=learning_rate, momentum=0.9)
        grad_vars = optimizer.compute_gradients(loss)
        minimize_op = optimizer.apply_gradients(grad_vars, global_step)
        update_ops = tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.UPDATE_OPS)
        train_op = tf.group(minimize_op, update_ops)

    accuracy = tf.compat.v1.metrics.accuracy(labels, predictions['classes'])
    return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions, loss=loss,
                                      train_op=train_op, eval_metric_ops={'accuracy': accuracy})


def main(_):
    classifier = tf.estimator.Estimator(
        model_fn=model_fn, model_dir=FLAGS.model_dir,
        params={'feature_columns': census_input.build_feature_columns(),
                'hidden_units': [256, 128, 64], 'n_classes': 2,
                'weight_decay': FLAGS.weight_decay, 'learning_rate': FLAGS.learning_rate})
    classifier.train(input_fn=lambda: census_input.input_fn('train', batch_size=256),
                     max_steps=FLAGS.train_steps)
    print(classifier.evaluate(input_fn=lambda: census_input.input_fn('eval', batch_size=256)))


if __name__ == '__main__':
    tf.compat.v1.app.run(main)
