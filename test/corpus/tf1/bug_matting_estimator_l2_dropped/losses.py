# Idiom seen in: dikatok/deeplabv3plus_matting models/losses.py
# Idiom seen in: dikatok/deeplabv3plus_matting utils/train_utils.py
# Idiom seen in: dikatok/deeplabv3plus_matting train.py
# What it reproduces: a loss factory whose loss_fn(logits, labels, weight_decay) builds an L2 term over
#   tf.trainable_variables(); the repo's history had the term disabled at one point. Here the term is still
#   computed, but total_loss was left as the bare cross entropy, so the Estimator trains with no decay (WD104).
import tensorflow as tf


def create_loss_fn():
    """Returns loss_fn(logits, labels, weight_decay) -> total loss tensor."""

    def loss_fn(logits, labels, weight_decay):
        with tf.variable_scope("total_loss"):
            with tf.variable_scope("cross_entropy"):
                cross_entropy_loss = tf.losses.sparse_softmax_cross_entropy(
                    logits=logits, labels=labels)

            with tf.variable_scope("l2_reg"):
                l2_reg = weight_decay * tf.add_n([tf.nn.l2_loss(v) for v in tf.trainable_variables()])  # expect: WD104

            # TODO: put l2_reg back once the alpha matte converges
            total_loss = cross_entropy_loss

        return total_loss

    return loss_fn


def create_metrics_fn():
    def metrics_fn(predictions, labels):
        return {
            "accuracy": tf.metrics.accuracy(labels=labels, predictions=predictions),
            "iou": tf.metrics.mean_iou(labels=labels, predictions=predictions, num_classes=2),
        }

    return metrics_fn
