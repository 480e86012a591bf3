# Idiom seen in: sp-ananth/struct_seg_thoracic_OAR code/train_utils.py
# What it reproduces: get_total_loss reads tf.GraphKeys.REGULARIZATION_LOSSES, reduce_sums them and adds the sum
# to the dice loss (with or without deep supervision); the total is returned to the trainer. Clean.
import tensorflow as tf


def dice_score(target, output, smooth=1e-5):
    with tf.name_scope('dice_score'):
        intersection = tf.reduce_sum(target * output, axis=[1, 2])
        union = tf.reduce_sum(output + target, axis=[1, 2])
        dice = 2 * (intersection + smooth) / (union + smooth)
        return tf.reduce_mean(tf.reduce_mean(dice, axis=0))


def batch_loss(target, output, loss_fn='dice'):
    with tf.name_scope('batch_loss'):
        if loss_fn == 'dice':
            return 1.0 - dice_score(target, tf.nn.softmax(output, axis=3))
        return tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=target, logits=output, axis=3))


def get_total_loss(target, output, loss_fn='dice', deep_supervision=True, aux_ops=None,
                   aux_weight=0.5, scope='loss'):
    with tf.name_scope(scope):
        summaries = []
        regularization_loss = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
        regularization_loss = tf.reduce_sum(regularization_loss)
        summaries.append(tf.summary.scalar('regularization_loss', regularization_loss))

        loss = batch_loss(target, output, loss_fn=loss_fn)
        summaries.append(tf.summary.scalar('batch_loss', loss))
        if not deep_supervision:
            total_loss = loss + regularization_loss
        else:
            aux = tf.reduce_mean([batch_loss(target, a, loss_fn=loss_fn) for a in aux_ops])
            summaries.append(tf.summary.scalar('aux_loss', aux))
            total_loss = loss + aux_weight * aux + regularization_loss
        summaries.append(tf.summary.scalar('total_loss', total_loss))
        return total_loss, summaries


def exponential_decay_with_warmup(global_step, learning_rate_base, decay_steps, decay_factor,
                                  warmup_steps=0, min_learning_rate=1e-6):
    decayed = tf.train.exponential_decay(learning_rate_base, global_step - warmup_steps,
                                         decay_steps, decay_factor, staircase=True)
    lr = tf.where(tf.less(tf.cast(global_step, tf.int32), warmup_steps),
                  tf.constant(learning_rate_base), decayed)
    return tf.maximum(lr, min_learning_rate, name='learning_rate')
