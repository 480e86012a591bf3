# Idiom seen in: Matin9THP/tf_src model_fn.py
# What it reproduces: 3D U-Net Estimator whose conv3d blocks get kernel_regularizer=l2_regularizer(params["weight_decay"])
#   (a user addition; the repo had no decay), while model_fn minimizes only the weighted softmax cross entropy:
#   REGULARIZATION_LOSSES is never read, so the decay is dead.
import tensorflow as tf

from network import unet_3d_network


def model_fn(features, labels, mode, params):
    training = mode == tf.estimator.ModeKeys.TRAIN
    logits = unet_3d_network(inputs=features['x'], params=params, training=training)

    prediction = tf.argmax(logits, axis=-1)
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={
            'classes': prediction,
            'probabilities': tf.nn.softmax(logits, axis=-1)})

    class_weights = tf.cast(tf.constant(params['class_weights']), tf.float32)
    pixel_weights = tf.reduce_sum(tf.cast(labels, tf.float32) * class_weights, axis=-1)
    loss = tf.compat.v1.losses.softmax_cross_entropy(
        onehot_labels=labels, logits=logits, weights=pixel_weights)
    tf.summary.scalar('loss', loss)

    iou = tf.compat.v1.metrics.mean_iou(labels=tf.argmax(labels, -1),
                                        predictions=tf.cast(prediction, tf.int64),
                                        num_classes=params['num_classes'])
    if mode == tf.estimator.ModeKeys.EVAL:
        return tf.estimator.EstimatorSpec(mode, loss=loss, eval_metric_ops={'iou': iou})

    optimizer = tf.compat.v1.train.AdamOptimizer(learning_rate=params['learning_rate'])
    global_step = tf.compat.v1.train.get_or_create_global_step()
    update_ops = tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        train_op = optimizer.minimize(loss, global_step=global_step)
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)
