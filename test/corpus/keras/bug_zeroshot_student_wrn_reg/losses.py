# Idiom seen in: chris4540/DD2412-adl-proj train_zeroshot.py
# What it reproduces: KD + attention-transfer student loss and the adversarial generator loss
#   (data terms only; no weight terms).
import tensorflow as tf


def attention(act):
    am = tf.reduce_mean(tf.pow(act, 2), axis=-1)
    am = tf.reshape(am, [tf.shape(am)[0], -1])
    return tf.math.l2_normalize(am, axis=-1)


def kldiv_loss_fn(t_logits, s_logits, temp=1.0):
    t_prob = tf.nn.softmax(t_logits / temp)
    s_log_prob = tf.nn.log_softmax(s_logits / temp)
    return tf.reduce_mean(tf.reduce_sum(t_prob * (tf.math.log(t_prob + 1e-8) - s_log_prob), axis=-1))


def student_loss_fn(t_logits, t_acts, s_logits, s_acts, beta):
    loss = kldiv_loss_fn(t_logits, s_logits)
    for t_act, s_act in zip(t_acts, s_acts):
        loss += beta * tf.reduce_mean(tf.reduce_sum(tf.abs(attention(t_act) - attention(s_act)), axis=-1))
    return loss


def generator_loss_fn(t_logits, s_logits):
    return -kldiv_loss_fn(t_logits, s_logits)
