# Idiom seen in: ryangillard/artificial_intelligence machine_learning/gan/lsgan/tf_lsgan/lsgan_module/trainer/ (lsgan.py, discriminator.py, generator.py, train.py, task.py)
# What it reproduces: Estimator LSGAN whose generator/discriminator classes receive an l1_l2 kernel_regularizer
#   built from params; each network adds tf.losses.get_regularization_loss(scope=...) to its own loss, and
#   tf.gradients of that total trains the scope. Clean: both scopes read their regularization terms.
import tensorflow as tf

from discriminator import Discriminator
from generator import Generator


def train_network(loss, global_step, params, scope):
    optimizer = tf.train.AdamOptimizer(learning_rate=params["{}_learning_rate".format(scope)],
                                       beta1=params["{}_adam_beta1".format(scope)],
                                       name="{}_adam_optimizer".format(scope))
    variables = tf.trainable_variables(scope=scope)
    gradients = tf.gradients(ys=loss, xs=variables, name="{}_gradients".format(scope))
    if params["{}_clip_gradients".format(scope)]:
        gradients, _ = tf.clip_by_global_norm(gradients, params["{}_clip_gradients".format(scope)])
    train_op = optimizer.apply_gradients(zip(gradients, variables), global_step=global_step)
    return loss, train_op


def get_loss_and_train_op(generator_total_loss, discriminator_total_loss, params):
    global_step = tf.train.get_or_create_global_step()
    cycle_step = tf.mod(global_step, params["discriminator_train_steps"] + params["generator_train_steps"])
    condition = tf.less(cycle_step, params["discriminator_train_steps"])
    return tf.cond(
        condition,
        true_fn=lambda: train_network(discriminator_total_loss, global_step, params, "discriminator"),
        false_fn=lambda: train_network(generator_total_loss, global_step, params, "generator"))


def lsgan_model(features, labels, mode, params):
    generator = Generator(
        kernel_regularizer=tf.contrib.layers.l1_l2_regularizer(
            scale_l1=params["generator_l1_regularization_scale"],
            scale_l2=params["generator_l2_regularization_scale"]),
        bias_regularizer=None, name="generator")
    discriminator = Discriminator(
        kernel_regularizer=tf.contrib.layers.l1_l2_regularizer(
            scale_l1=params["discriminator_l1_regularization_scale"],
            scale_l2=params["discriminator_l2_regularization_scale"]),
        bias_regularizer=None, name="discriminator")

    Z = tf.random_normal(shape=[tf.shape(features["image"])[0], params["latent_size"]])
    fake_images = generator.get_fake_images(Z, params)
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={"generated_images": fake_images})

    real_logits = discriminator.get_discriminator_logits(features["image"], params)
    fake_logits = discriminator.get_discriminator_logits(fake_images, params)
    generator_total_loss = generator.get_generator_loss(fake_logits, params)
    discriminator_total_loss = discriminator.get_discriminator_loss(fake_logits, real_logits, params)

    if mode == tf.estimator.ModeKeys.TRAIN:
        loss, train_op = get_loss_and_train_op(generator_total_loss, discriminator_total_loss, params)
        return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)
    return tf.estimator.EstimatorSpec(mode, loss=discriminator_total_loss)
