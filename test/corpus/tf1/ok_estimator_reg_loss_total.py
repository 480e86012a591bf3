# Idiom seen in: marco-willi/tf-estimator-cnn estimator.py
# What it reproduces: multi-head Estimator model_fn; heads are tf.layers.dense with kernel_regularizer, the
# data loss is get_total_loss(add_regularization_losses=False), the regularization loss is summed separately
# and the optimizer minimizes total_loss = data + regularization. Clean.
import tensorflow as tf

from model_library import Model


def model_fn(features, labels, mode, params):
    inputs = features['images']
    labels = {k: features[k] for k in params['label']}
    regularizer = tf.contrib.layers.l2_regularizer(params['weight_decay'])

    mod = Model().create(params['model'], inputs, mode == tf.estimator.ModeKeys.TRAIN, params)
    outputs = mod.get_output()

    model_logits = dict()
    with tf.name_scope('logits'):
        for label, n_classes in zip(params['label'], params['n_classes']):
            head_logits = tf.layers.dense(inputs=outputs, units=n_classes, kernel_regularizer=regularizer, name=label)
            model_logits[label] = tf.cast(head_logits, tf.float32)

    predictions = {'%s/probabilities' % k: tf.nn.softmax(v) for k, v in model_logits.items()}
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions)

    with tf.name_scope('cross_entropy'):
        for label in params['label']:
            xent = tf.losses.sparse_softmax_cross_entropy(logits=model_logits[label], labels=labels[label],
                                                          loss_collection=None)
            tf.losses.add_loss(tf.identity(xent, name=label))

    loss = tf.losses.get_total_loss(add_regularization_losses=False, name='loss')
    reg_loss = tf.losses.get_regularization_loss(name='regularization_loss')
    tf.summary.scalar('reg_loss', reg_loss)
    total_loss = tf.add_n([loss, reg_loss], 'total_loss')
    tf.summary.scalar('total_loss', total_loss)

    train_op = None
    if mode == tf.estimator.ModeKeys.TRAIN:
        global_step = tf.train.get_or_create_global_step()
        optimizer = tf.train.MomentumOptimizer(learning_rate=params['learning_rate'],
                                               momentum=params['momentum'])
        minimize_op = optimizer.minimize(total_loss, global_step)
        train_op = tf.group(minimize_op, tf.get_collection(tf.GraphKeys.UPDATE_OPS))

    eval_metric_ops = {
        'metrics/%s/accuracy' % label: tf.metrics.accuracy(labels[label], tf.argmax(model_logits[label], 1))
        for label in params['label']}
    return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions, loss=total_loss,
                                      train_op=train_op, eval_metric_ops=eval_metric_ops)
