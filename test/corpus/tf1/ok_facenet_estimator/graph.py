# Idiom seen in: liumusicforever/tf_models_develop_framework networks/classification/facenet_resnet50/graph.py
# Idiom seen in: liumusicforever/tf_models_develop_framework networks/classification/facenet_resnet50/params.py
# What it reproduces: face-recognition Estimator model_fn (slim resnet_v2 backbone, Logits with weights_regularizer,
#   prelogits-norm and center-loss terms pushed into REGULARIZATION_LOSSES); total_loss = add_n([xent] + that collection)
#   is what the Momentum optimizer minimizes (clean).
import tensorflow as tf

from nets import resnet_v2
import facenet_utils as facenet
import params as config

slim = tf.contrib.slim

MEANS = [123.68, 116.78, 103.94]


def model_fn(features, labels, mode, params):
    features.set_shape([None, 224, 224, 3])
    channels = tf.split(axis=3, num_or_size_splits=3, value=features)
    features = tf.concat(axis=3, values=[(c - (m / 255.0)) * 255.0 for c, m in zip(channels, MEANS)])
    is_training = mode == tf.estimator.ModeKeys.TRAIN

    with slim.arg_scope(resnet_v2.resnet_arg_scope(weight_decay=config.weight_decay)):
        net, _ = resnet_v2.resnet_v2_50(features, is_training=is_training, global_pool=True, spatial_squeeze=False)
    net = slim.flatten(net)
    prelogits = slim.fully_connected(net, config.embedding_size, scope='Bottleneck', reuse=False)
    prelogits = slim.dropout(prelogits, keep_prob=config.keep_probability, is_training=is_training, scope='dropout')
    logits = slim.fully_connected(prelogits, config.num_classes, activation_fn=None,
                                  weights_initializer=slim.initializers.xavier_initializer(),
                                  weights_regularizer=slim.l2_regularizer(config.weight_decay),
                                  scope='Logits', reuse=False)
    embeddings = tf.nn.l2_normalize(prelogits, 1, 1e-10, name='embeddings')

    eps = 1e-4
    prelogits_norm = tf.reduce_mean(tf.norm(tf.abs(prelogits) + eps, ord=config.prelogits_norm_p, axis=1))
    tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, prelogits_norm * config.prelogits_norm_loss_factor)

    predictions = {'classes': tf.argmax(input=logits, axis=1),
                   'probabilities': tf.nn.softmax(logits, name='softmax_tensor'),
                   'embeddings': embeddings}
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions)

    prelogits_center_loss, _ = facenet.center_loss(prelogits, labels, config.center_loss_alfa, config.num_classes)
    tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, prelogits_center_loss * config.center_loss_factor)

    cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits,
                                                                   name='cross_entropy_per_example')
    cross_entropy_mean = tf.reduce_mean(cross_entropy, name='cross_entropy')
    tf.add_to_collection('losses', cross_entropy_mean)

    regularization_losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
    total_loss = tf.add_n([cross_entropy_mean] + regularization_losses, name='total_loss')
    accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, 1), tf.cast(labels, tf.int64)), tf.float32))

    if mode == tf.estimator.ModeKeys.TRAIN:
        learning_rate = tf.train.exponential_decay(config.lr, tf.train.get_global_step(),
                                                   config.learning_rate_decay_epochs * config.epoch_size,
                                                   config.learning_rate_decay_factor, staircase=True)
        tf.summary.scalar('learning_rate', learning_rate)
        optimizer = tf.train.MomentumOptimizer(learning_rate, config.momentum, use_nesterov=True)
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            train_op = optimizer.minimize(total_loss, global_step=tf.train.get_global_step())
        logging_hook = tf.train.LoggingTensorHook({'loss': total_loss, 'acc': accuracy}, every_n_iter=50)
        return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss, train_op=train_op,
                                          training_hooks=[logging_hook])

    eval_metric_ops = {'accuracy': tf.metrics.accuracy(labels=labels, predictions=predictions['classes'])}
    return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss, eval_metric_ops=eval_metric_ops)
