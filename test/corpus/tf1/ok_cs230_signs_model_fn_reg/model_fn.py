# Idiom seen in: cs230-stanford/cs230-code-examples tensorflow/vision/model/model_fn.py
# Idiom seen in: cs230-stanford/cs230-code-examples tensorflow/vision/train.py
# What it reproduces: the CS230 SIGNS model_fn returning a model_spec dict; tf.layers conv/dense get
#   kernel_regularizer from params.l2_reg and the train op minimizes loss + get_regularization_loss(). Clean.
import tensorflow as tf


def build_model(is_training, inputs, params):
    images = inputs['images']
    out = images
    num_channels = params.num_channels
    bn_momentum = params.bn_momentum
    regularizer = tf.contrib.layers.l2_regularizer(params.l2_reg)
    channels = [num_channels, num_channels * 2, num_channels * 4, num_channels * 8]
    for i, c in enumerate(channels):
        with tf.variable_scope('block_{}'.format(i + 1)):
            out = tf.layers.conv2d(out, c, 3, padding='same', kernel_regularizer=regularizer)
            if params.use_batch_norm:
                out = tf.layers.batch_normalization(out, momentum=bn_momentum, training=is_training)
            out = tf.nn.relu(out)
            out = tf.layers.max_pooling2d(out, 2, 2)

    out = tf.reshape(out, [-1, 4 * 4 * num_channels * 8])
    with tf.variable_scope('fc_1'):
        out = tf.layers.dense(out, num_channels * 8, kernel_regularizer=regularizer)
        if params.use_batch_norm:
            out = tf.layers.batch_normalization(out, momentum=bn_momentum, training=is_training)
        out = tf.nn.relu(out)
    with tf.variable_scope('fc_2'):
        logits = tf.layers.dense(out, params.num_labels, kernel_regularizer=regularizer)
    return logits


def model_fn(mode, inputs, params, reuse=False):
    is_training = (mode == 'train')
    labels = tf.cast(inputs['labels'], tf.int64)
    model_spec = inputs

    with tf.variable_scope('model', reuse=reuse):
        logits = build_model(is_training, inputs, params)
        predictions = tf.argmax(logits, 1)

    loss = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
    reg_loss = tf.losses.get_regularization_loss()
    total_loss = loss + reg_loss
    accuracy = tf.reduce_mean(tf.cast(tf.equal(labels, predictions), tf.float32))

    if is_training:
        optimizer = tf.train.AdamOptimizer(params.learning_rate)
        global_step = tf.train.get_or_create_global_step()
        with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
            train_op = optimizer.minimize(total_loss, global_step=global_step)

    with tf.variable_scope('metrics'):
        metrics = {
            'accuracy': tf.metrics.accuracy(labels=labels, predictions=predictions),
            'loss': tf.metrics.mean(loss),
        }
    update_metrics_op = tf.group(*[op for _, op in metrics.values()])
    metric_variables = tf.get_collection(tf.GraphKeys.LOCAL_VARIABLES, scope='metrics')

    tf.summary.scalar('loss', loss)
    tf.summary.scalar('reg_loss', reg_loss)
    tf.summary.scalar('accuracy', accuracy)

    model_spec['loss'] = loss
    model_spec['accuracy'] = accuracy
    model_spec['metrics_init_op'] = tf.variables_initializer(metric_variables)
    model_spec['metrics'] = metrics
    model_spec['update_metrics'] = update_metrics_op
    model_spec['summary_op'] = tf.summary.merge_all()
    model_spec['variable_init_op'] = tf.global_variables_initializer()
    if is_training:
        model_spec['train_op'] = train_op
    return model_spec
