# Idiom seen in: ctuning/ck-tensorflow script/install-package-tensorflowmodel-mobilenet-py/mobilenet_v1.py
# What it reproduces: MobileNet-v1 arg scopes (l2_regularizer on conv2d, depthwise regularizer off) written
# inline in an Estimator model_fn; the train op minimizes the value tf.losses.softmax_cross_entropy returns,
# so REGULARIZATION_LOSSES is never read (WD102 on the conv2d weights_regularizer keyword).
import tensorflow as tf

slim = tf.contrib.slim

REGULARIZE_DEPTHWISE = False
MOMENTUM = 0.9


def mobilenet_body(inputs, depth_multiplier=1.0):
    net = slim.conv2d(inputs, int(32 * depth_multiplier), [3, 3], stride=2, scope='Conv2d_0')
    for i, (depth, stride) in enumerate([(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2)]):
        net = slim.separable_conv2d(net, None, [3, 3], depth_multiplier=1, stride=stride,
                                    scope='Conv2d_%d_depthwise' % (i + 1))
        net = slim.conv2d(net, int(depth * depth_multiplier), [1, 1], scope='Conv2d_%d_pointwise' % (i + 1))
    return tf.reduce_mean(net, [1, 2], keepdims=True)


def model_fn(features, labels, mode, params):
    is_training = mode == tf.estimator.ModeKeys.TRAIN
    regularizer = tf.contrib.layers.l2_regularizer(params['weight_decay'])
    depthwise_regularizer = regularizer if REGULARIZE_DEPTHWISE else None
    bn_params = {'is_training': is_training, 'center': True, 'scale': True, 'decay': 0.9997}

    with slim.arg_scope([slim.conv2d, slim.separable_conv2d],
                        weights_initializer=tf.truncated_normal_initializer(stddev=0.09),
                        activation_fn=tf.nn.relu6, normalizer_fn=slim.batch_norm):
        with slim.arg_scope([slim.batch_norm], **bn_params):
            with slim.arg_scope([slim.conv2d], weights_regularizer=regularizer):  # expect: WD102
                with slim.arg_scope([slim.separable_conv2d], weights_regularizer=depthwise_regularizer):
                    net = mobilenet_body(features['image'], params['depth_multiplier'])
                    logits = slim.conv2d(net, params['num_classes'], [1, 1], activation_fn=None,
                                         normalizer_fn=None, scope='Logits')
    logits = tf.squeeze(logits, [1, 2])

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={'classes': tf.argmax(logits, 1)})

    loss = tf.losses.softmax_cross_entropy(tf.one_hot(labels, params['num_classes']), logits)
    if mode == tf.estimator.ModeKeys.EVAL:
        acc = tf.metrics.accuracy(labels, tf.argmax(logits, 1))
        return tf.estimator.EstimatorSpec(mode, loss=loss, eval_metric_ops={'accuracy': acc})

    global_step = tf.train.get_global_step()
    lr = tf.train.exponential_decay(params['learning_rate'], global_step, 10000, 0.94)
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train_op = tf.train.MomentumOptimizer(lr, MOMENTUM).minimize(loss, global_step=global_step)
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)


def main(_):
    from imagenet_input import train_input_fn
    estimator = tf.estimator.Estimator(
        model_fn=model_fn, model_dir='/tmp/mobilenet',
        params={'weight_decay': 4e-5, 'depth_multiplier': 1.0, 'num_classes': 1001,
                'learning_rate': 0.045})
    estimator.train(input_fn=train_input_fn, max_steps=200000)


if __name__ == '__main__':
    tf.app.run()
