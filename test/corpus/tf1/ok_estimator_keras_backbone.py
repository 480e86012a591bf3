# Idiom seen in: datlife/visualize-tsne model_fn.py
# What it reproduces: a tf.estimator model_fn around a tf.keras.applications backbone, where the weight
# decay is params['weight_decay'] * sum of tf.nn.l2_loss over tf.trainable_variables() added straight into
# the loss that optimizer.minimize trains. Clean.
import functools

import tensorflow as tf

from input_pipeline import cifar10_input_fn

tf.app.flags.DEFINE_string('model_dir', '/tmp/cifar10_mobilenet', 'where to write checkpoints')
tf.app.flags.DEFINE_integer('train_steps', 60000, 'number of training steps')
tf.app.flags.DEFINE_float('weight_decay', 2e-4, 'l2 factor on every trainable variable')
FLAGS = tf.app.flags.FLAGS

NUM_CLASSES = 10


def cifar10_mobilenet(features, labels, mode, params):
    tf.keras.backend.set_learning_phase(mode == tf.estimator.ModeKeys.TRAIN)
    backbone = tf.keras.applications.MobileNet(input_tensor=features, input_shape=(32, 32, 3),
                                               include_top=False, pooling='avg', weights=None)
    return model_fn(backbone, features, labels, mode, params)


def model_fn(keras_model, features, labels, mode, params):
    feature_map = keras_model(features)
    logits = tf.keras.layers.Dense(units=NUM_CLASSES)(feature_map)
    predictions = {'classes': tf.argmax(logits, axis=1),
                   'probabilities': tf.nn.softmax(logits, name='softmax_tensor')}
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions)

    cross_entropy = tf.losses.softmax_cross_entropy(onehot_labels=labels, logits=logits)
    l2_term = tf.add_n([tf.nn.l2_loss(v) for v in tf.trainable_variables()])
    loss = cross_entropy + params['weight_decay'] * l2_term

    accuracy = tf.metrics.accuracy(tf.argmax(labels, axis=1), predictions['classes'])
    if mode == tf.estimator.ModeKeys.TRAIN:
        global_step = tf.train.get_or_create_global_step()
        optimizer = params['optimizer'](params['learning_rate'])
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            train_op = optimizer.minimize(loss, global_step)
    else:
        train_op = None

    tf.summary.scalar('train_accuracy', accuracy[1])
    tf.summary.scalar('train_loss', loss)
    return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions, loss=loss,
                                      train_op=train_op, eval_metric_ops={'accuracy': accuracy})


def main(_):
    params = {
        'weight_decay': FLAGS.weight_decay,
        'learning_rate': 0.05,
        'optimizer': functools.partial(tf.train.MomentumOptimizer, momentum=0.9),
    }
    estimator = tf.estimator.Estimator(model_fn=cifar10_mobilenet, model_dir=FLAGS.model_dir,
                                       params=params)
    estimator.train(input_fn=lambda: cifar10_input_fn('train', batch_size=128),
                    max_steps=FLAGS.train_steps)
    print(estimator.evaluate(input_fn=lambda: cifar10_input_fn('test', batch_size=128)))


if __name__ == '__main__':
    tf.app.run()
