# Idiom seen in: pypi-data/pypi-mirror-38 packages/easy_net_tf-0.0.106.tar.gz/easy_net_tf-0.0.106/easy_net_tf/tf/variable.py
# What it reproduces: an Estimator model_fn built from those layers that trains on
#   tf.losses.get_total_loss(): that reads LOSSES and REGULARIZATION_LOSSES only, not the custom
#   'l2_regular' collection, so the kernels' L2 terms reach no minimized loss (realistic mistake).
import tensorflow as tf

from layers import ConvLayer, DenseLayer
from input_pipeline import train_input_fn, eval_input_fn

tf.flags.DEFINE_string('model_dir', './ckpt', 'where to save checkpoints')
tf.flags.DEFINE_float('learning_rate', 0.01, 'initial learning rate')
tf.flags.DEFINE_integer('train_steps', 20000, 'number of training steps')
FLAGS = tf.flags.FLAGS


def model_fn(features, labels, mode, params):
    images = features['image']
    net = ConvLayer(3, 32, name='conv1')(images)
    net = tf.nn.max_pool(net, [1, 2, 2, 1], [1, 2, 2, 1], 'SAME')
    net = ConvLayer(32, 64, name='conv2')(net)
    net = tf.nn.max_pool(net, [1, 2, 2, 1], [1, 2, 2, 1], 'SAME')
    net = tf.reshape(net, [-1, 8 * 8 * 64])
    net = DenseLayer(8 * 8 * 64, 256, name='fc1')(net)
    logits = DenseLayer(256, params['num_classes'], activation=None, name='fc2')(net)

    predictions = {'classes': tf.argmax(logits, axis=1), 'probabilities': tf.nn.softmax(logits)}
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions=predictions)

    tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
    loss = tf.losses.get_total_loss()

    train_op = None
    if mode == tf.estimator.ModeKeys.TRAIN:
        optimizer = tf.train.MomentumOptimizer(params['learning_rate'], momentum=0.9)
        train_op = optimizer.minimize(loss, global_step=tf.train.get_global_step())
    metrics = {'accuracy': tf.metrics.accuracy(labels, predictions['classes'])}
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op, eval_metric_ops=metrics)


def main(_):
    estimator = tf.estimator.Estimator(model_fn=model_fn, model_dir=FLAGS.model_dir,
                                       params={'num_classes': 10, 'learning_rate': FLAGS.learning_rate})
    estimator.train(input_fn=train_input_fn, max_steps=FLAGS.train_steps)
    print(estimator.evaluate(input_fn=eval_input_fn))


if __name__ == '__main__':
    tf.app.run()
