# Idiom seen in: sayakpaul/PAWS-TF utils/paws_trainer.py
# What it reproduces: train_step(unsup_images, sup_loader, encoder) differentiates ploss + me_max with respect
#   to encoder.trainable_variables and returns the gradients; encoder.losses is never added (real bug).
import tensorflow as tf

import losses

paws_loss = losses.get_paws_loss(multicrop=6, tau=0.1, T=0.25, me_max=True)


def train_step(unsup_images, sup_loader, encoder: tf.keras.Model):
    u_batch_size = tf.shape(unsup_images[0])[0]
    imgs = tf.concat([u for u in unsup_images[:2]], axis=0)
    mc_imgs = tf.concat([u for u in unsup_images[2:]], axis=0)
    simgs, labels = sup_loader
    imgs = tf.concat([tf.cast(imgs, tf.float32), tf.cast(simgs, tf.float32)], axis=0)

    with tf.GradientTape() as tape:
        _, z = encoder(imgs, training=True)
        _, z_mc = encoder(mc_imgs, training=True)
        target_supports = z[2 * u_batch_size:]
        target_views = z[: 2 * u_batch_size]
        target_views = tf.concat([target_views[u_batch_size:], target_views[:u_batch_size]], axis=0)
        anchor_supports = z[2 * u_batch_size:]
        anchor_views = tf.concat([z[: 2 * u_batch_size], z_mc], axis=0)
        (ploss, me_max) = paws_loss(anchor_views=anchor_views, anchor_supports=anchor_supports,
                                    anchor_support_labels=labels, target_views=target_views,
                                    target_supports=target_supports, target_support_labels=labels)
        loss = ploss + me_max

    gradients = tape.gradient(loss, encoder.trainable_variables)
    return ploss, me_max, gradients
