# Idiom seen in: NVIDIA/DeepLearningExamples TensorFlow/Classification/ConvNets/model/resnet.py
# What it reproduces: Estimator model_fn with tf.layers kernel regularizers; total_loss = cross entropy
#   + tf.losses.get_regularization_loss() is built for the logging hook, but under loss scaling the user
#   minimizes the scaled cross entropy only, so the regularization sum never reaches the optimizer
#   (realistic mistake; the repository minimizes total_loss).
import tensorflow as tf

from hooks import make_train_hooks


def conv_bn(x, filters, kernel, stride, training, weight_decay, name):
    with tf.variable_scope(name):
        x = tf.layers.conv2d(x, filters, kernel, strides=stride, padding='same', use_bias=False,
                             kernel_regularizer=tf.contrib.layers.l2_regularizer(weight_decay))
        x = tf.layers.batch_normalization(x, training=training)
        return tf.nn.relu(x)


def model_fn(features, labels, mode, params):
    training = mode == tf.estimator.ModeKeys.TRAIN
    wd = params['weight_decay']
    net = conv_bn(features, 64, 7, 2, training, wd, 'stem')
    for i, width in enumerate([64, 128, 256, 512]):
        net = conv_bn(net, width, 3, 1 if i == 0 else 2, training, wd, 'stage%d' % i)
    net = tf.reduce_mean(net, axis=[1, 2])
    logits = tf.layers.dense(net, params['n_classes'])

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={'classes': tf.argmax(logits, 1)})

    cross_entropy = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
    reg_loss = tf.losses.get_regularization_loss()  # expect: WD105
    total_loss = tf.identity(cross_entropy + reg_loss, name='total_loss')

    if mode == tf.estimator.ModeKeys.EVAL:
        return tf.estimator.EstimatorSpec(mode, loss=total_loss)

    global_step = tf.train.get_or_create_global_step()
    optimizer = tf.train.MomentumOptimizer(params['lr'], momentum=0.875)
    scaled_loss = cross_entropy * params['loss_scale']
    grads_and_vars = optimizer.compute_gradients(scaled_loss)
    grads_and_vars = [(g / params['loss_scale'], v) for g, v in grads_and_vars if g is not None]
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train_op = optimizer.apply_gradients(grads_and_vars, global_step=global_step)
    return tf.estimator.EstimatorSpec(mode, loss=total_loss, train_op=train_op,
                                      training_hooks=make_train_hooks(total_loss, cross_entropy, reg_loss))
