# Idiom seen in: niladell/unsupervised-medical-learning src/core/core_model_estimator.py
# What it reproduces: the GAN Estimator model_fn: the discriminator and generator losses each add their own scope's
#   tf.losses.get_regularization_loss(scope=...) and each optimizer minimizes its loss over its scope's variables; clean.
import tensorflow as tf

from nets import discriminator, generator


def get_optimizer(name, learning_rate):
    if name == 'ADAM':
        return tf.train.AdamOptimizer(learning_rate=learning_rate, beta1=0.0, beta2=0.9, epsilon=1e-4)
    elif name == 'SGD':
        return tf.train.GradientDescentOptimizer(learning_rate=learning_rate)
    raise NameError('Optimizer {} not recognised'.format(name))


def model_fn(features, labels, mode, params):
    is_training = mode == tf.estimator.ModeKeys.TRAIN
    real_images = features['image']
    batch_size = tf.shape(real_images)[0]
    noise = tf.random_normal([batch_size, params['noise_dim']])

    generated_images = generator(noise, params['weight_decay'], is_training=is_training)
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={'generated_images': generated_images})

    d_logits_real = discriminator(real_images, params['weight_decay'], is_training=is_training)
    d_logits_generated = discriminator(generated_images, params['weight_decay'], is_training=is_training)

    with tf.variable_scope('loss_compute'):
        d_loss_real = tf.losses.sigmoid_cross_entropy(tf.ones_like(d_logits_real), d_logits_real,
                                                      label_smoothing=params['soft_label_strength'])
        d_loss_fake = tf.losses.sigmoid_cross_entropy(tf.zeros_like(d_logits_generated), d_logits_generated)
        d_loss = d_loss_real + d_loss_fake + tf.losses.get_regularization_loss(scope='Discriminator')
        g_loss = tf.losses.sigmoid_cross_entropy(tf.ones_like(d_logits_generated), d_logits_generated)
        g_loss = g_loss + tf.losses.get_regularization_loss(scope='Generator')

    if mode == tf.estimator.ModeKeys.EVAL:
        return tf.estimator.EstimatorSpec(mode, loss=tf.reduce_mean(d_loss))

    d_optimizer = get_optimizer(params['d_optimizer'], params['learning_rate'])
    g_optimizer = get_optimizer(params['g_optimizer'], params['learning_rate'])
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        d_step = d_optimizer.minimize(
            d_loss, var_list=tf.trainable_variables(scope='Discriminator'))
        g_step = g_optimizer.minimize(
            g_loss, var_list=tf.trainable_variables(scope='Generator'))
        increment_step = tf.assign_add(tf.train.get_or_create_global_step(), 1)
        train_op = tf.group(d_step, g_step, increment_step)
    tf.summary.scalar('d_loss', d_loss)
    tf.summary.scalar('g_loss', g_loss)
    return tf.estimator.EstimatorSpec(mode, loss=g_loss, train_op=train_op)
