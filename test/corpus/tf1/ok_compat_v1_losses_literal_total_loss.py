# Idiom seen in: Simsso/NIPS-2018-Adversarial-Vision-Challenge experiments/tiny-imagenet-classifier/src/util/weight_decay.py
#   (the version filing the term under tf.GraphKeys.LOSSES); ogroth/geeco src/models/e2evmc/estimator.py
#   (tf.add_to_collection(tf.GraphKeys.LOSSES, ...) inside a model_fn)
# What it reproduces: a TF2 repository that keeps a TF1 Estimator through `import tensorflow.compat.v1 as tf`;
#   the decay helper files wd * l2_loss(kernel) under the literal collection name 'losses', the cross entropy
#   is registered with tf.losses.sparse_softmax_cross_entropy, and the objective is tf.losses.get_total_loss().
# label-note: clean. tf.GraphKeys.LOSSES is the string 'losses', so get_total_loss() sums the decay terms
#   together with the cross entropy; biases and batch-norm parameters carry no decay; momentum SGD with
#   lr 0.05 and wd 5e-4.
from absl import app, flags
import tensorflow.compat.v1 as tf

from datasets import cifar_input_fn  # tf.data pipeline, not part of this file

tf.disable_v2_behavior()
flags.DEFINE_string('model_dir', '/tmp/cifar_wrn', 'checkpoints')
flags.DEFINE_float('weight_decay', 5e-4, 'L2 factor for kernels')
flags.DEFINE_float('learning_rate', 0.05, 'momentum SGD learning rate')
flags.DEFINE_integer('train_steps', 80000, 'number of steps')
FLAGS = flags.FLAGS


def _kernel_with_weight_decay(name, shape, wd):
    var = tf.get_variable(name, shape, initializer=tf.variance_scaling_initializer(2.0))
    if wd is not None:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def conv_bn_relu(x, filters, stride, training, wd, name):
    with tf.variable_scope(name):
        kernel = _kernel_with_weight_decay('kernel', [3, 3, x.shape[-1].value, filters], wd)
        x = tf.nn.conv2d(x, kernel, [1, stride, stride, 1], padding='SAME')
        return tf.nn.relu(tf.layers.batch_normalization(x, training=training))


def model_fn(features, labels, mode, params):
    training = mode == tf.estimator.ModeKeys.TRAIN
    wd = params['weight_decay']
    x = features['image']
    for i, (filters, stride) in enumerate([(32, 1), (64, 2), (128, 2), (256, 2)]):
        x = conv_bn_relu(x, filters, stride, training, wd, 'block%d' % i)
    x = tf.reduce_mean(x, axis=[1, 2])
    with tf.variable_scope('logits'):
        w = _kernel_with_weight_decay('kernel', [256, 10], wd)
        b = tf.get_variable('bias', [10], initializer=tf.zeros_initializer())
        logits = tf.nn.xw_plus_b(x, w, b)
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={'classes': tf.argmax(logits, 1)})

    tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
    total_loss = tf.losses.get_total_loss()
    global_step = tf.train.get_or_create_global_step()
    lr = tf.train.piecewise_constant(global_step, [40000, 60000], [params['lr'], params['lr'] * 0.1,
                                                                    params['lr'] * 0.01])
    optimizer = tf.train.MomentumOptimizer(lr, momentum=0.9, use_nesterov=True)
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train_op = optimizer.minimize(total_loss, global_step=global_step)
    metrics = {'accuracy': tf.metrics.accuracy(labels, tf.argmax(logits, 1))}
    return tf.estimator.EstimatorSpec(mode, loss=total_loss, train_op=train_op, eval_metric_ops=metrics)


def main(_):
    estimator = tf.estimator.Estimator(model_fn=model_fn, model_dir=FLAGS.model_dir,
                                       params={'weight_decay': FLAGS.weight_decay, 'lr': FLAGS.learning_rate})
    estimator.train(input_fn=lambda: cifar_input_fn('train', batch_size=128), max_steps=FLAGS.train_steps)


if __name__ == '__main__':
    app.run(main)
