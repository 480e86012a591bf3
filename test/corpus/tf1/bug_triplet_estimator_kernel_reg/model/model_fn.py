# Idiom seen in: omoindrot/tensorflow-triplet-loss model/model_fn.py
# Idiom seen in: omoindrot/tensorflow-triplet-loss train.py
# What it reproduces: an Estimator model_fn for triplet-loss embeddings to which a user added
#   kernel_regularizer=l2_regularizer(params.l2_reg) on the tf.layers conv and dense layers (the real
#   repository has none); the minimized loss stays the triplet loss, so REGULARIZATION_LOSSES is never
#   read (WD102 on both keywords).
import tensorflow as tf

from model.triplet_loss import batch_hard_triplet_loss


def build_model(is_training, images, params):
    out = images
    num_channels = params.num_channels
    channels = [num_channels, num_channels * 2]
    regularizer = tf.contrib.layers.l2_regularizer(params.l2_reg)
    for i, c in enumerate(channels):
        with tf.variable_scope('block_{}'.format(i + 1)):
            out = tf.layers.conv2d(out, c, 3, padding='same',
                                   kernel_regularizer=regularizer)  # expect: WD102
            if params.use_batch_norm:
                out = tf.layers.batch_normalization(out, momentum=params.bn_momentum,
                                                    training=is_training)
            out = tf.nn.relu(out)
            out = tf.layers.max_pooling2d(out, 2, 2)

    out = tf.reshape(out, [-1, 7 * 7 * num_channels * 2])
    with tf.variable_scope('fc_1'):
        out = tf.layers.dense(out, params.embedding_size,
                              kernel_regularizer=regularizer)  # expect: WD102
    return out


def model_fn(features, labels, mode, params):
    is_training = (mode == tf.estimator.ModeKeys.TRAIN)
    images = tf.reshape(features, [-1, params.image_size, params.image_size, 1])

    with tf.variable_scope('model'):
        embeddings = build_model(is_training, images, params)
    embedding_mean_norm = tf.reduce_mean(tf.norm(embeddings, axis=1))
    tf.summary.scalar("embedding_mean_norm", embedding_mean_norm)

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode=mode, predictions={'embeddings': embeddings})

    labels = tf.cast(labels, tf.int64)
    loss = batch_hard_triplet_loss(labels, embeddings, margin=params.margin,
                                   squared=params.squared)

    with tf.variable_scope("metrics"):
        eval_metric_ops = {"embedding_mean_norm": tf.metrics.mean(embedding_mean_norm)}
    if mode == tf.estimator.ModeKeys.EVAL:
        return tf.estimator.EstimatorSpec(mode, loss=loss, eval_metric_ops=eval_metric_ops)

    tf.summary.scalar('loss', loss)
    optimizer = tf.train.AdamOptimizer(params.learning_rate)
    global_step = tf.train.get_global_step()
    if params.use_batch_norm:
        with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
            train_op = optimizer.minimize(loss, global_step=global_step)
    else:
        train_op = optimizer.minimize(loss, global_step=global_step)
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)
