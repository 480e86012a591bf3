# Idiom seen in: nii-yamagishilab/self-attention-tacotron modules/regularizers.py
# Idiom seen in: nii-yamagishilab/self-attention-tacotron models/models.py
# What it reproduces: Tacotron trained through an Estimator model_fn; an L2 term over the trainable
#   variables minus a name blacklist (embeddings, biases, batch norm, LSTM) is registered in REGULARIZATION_LOSSES
#   and added to mel + stop-token loss, which Adam's compute_gradients trains. Clean.
import tensorflow as tf


def l2_regularization_loss(weights, scale, blacklist):
    def is_black(name):
        return any([black in name for black in blacklist])

    kept = [tf.nn.l2_loss(w) for w in weights if not is_black(w.name)]
    l2_loss = tf.add_n(kept) * scale
    tf.losses.add_loss(l2_loss, tf.GraphKeys.REGULARIZATION_LOSSES)
    return l2_loss
