# Idiom seen in: tensorflow/tensor2tensor tensor2tensor/utils/optimize.py
# Idiom seen in: tensorflow/tensor2tensor tensor2tensor/layers/common_hparams.py
# What it reproduces: weight_decay_and_noise() computes the weight_decay() helper's L2 term and logs it, but the
# "loss += weight_decay_loss" line is missing, so the returned loss, which optimize() minimizes, has no decay.
import tensorflow as tf


def basic_params1():
    return tf.contrib.training.HParams(
        learning_rate=0.1,
        optimizer='Momentum',
        optimizer_momentum_momentum=0.9,
        weight_decay=1e-6,
        weight_noise=0.0,
        clip_grad_norm=2.0,
    )


def weight_decay(decay_rate, var_list, skip_biases=True):
    """Apply weight decay to vars in var_list."""
    if not decay_rate:
        return 0.

    tf.logging.info('Applying weight decay, decay_rate: %0.5f', decay_rate)

    weight_decays = []
    for v in var_list:
        is_bias = len(v.shape.as_list()) == 1 and v.name.endswith('bias:0')
        if not (skip_biases and is_bias):
            with tf.device(v.device):
                v_loss = tf.nn.l2_loss(v)
            weight_decays.append(v_loss)

    return tf.add_n(weight_decays) * decay_rate


def weight_decay_and_noise(loss, hparams, learning_rate, var_list=None):
    """Apply weight decay and weight noise."""
    if var_list is None:
        var_list = tf.trainable_variables()

    decay_vars = [v for v in var_list]
    weight_decay_loss = weight_decay(hparams.weight_decay, decay_vars)  # expect: WD104
    if hparams.weight_decay:
        tf.summary.scalar('losses/weight_decay', weight_decay_loss)

    with tf.control_dependencies([tf.no_op()]):
        loss = tf.identity(loss)
    return loss


def optimize(loss, learning_rate, hparams):
    """Minimize loss."""
    loss = weight_decay_and_noise(loss, hparams, learning_rate)
    loss = tf.identity(loss, name='total_loss')
    opt = tf.train.MomentumOptimizer(learning_rate, hparams.optimizer_momentum_momentum)
    grads_and_vars = opt.compute_gradients(loss, colocate_gradients_with_ops=True)
    if hparams.clip_grad_norm:
        grads, tvars = zip(*grads_and_vars)
        grads, _ = tf.clip_by_global_norm(grads, hparams.clip_grad_norm)
        grads_and_vars = list(zip(grads, tvars))
    train_op = opt.apply_gradients(grads_and_vars, global_step=tf.train.get_or_create_global_step())
    return train_op


def model_fn(features, labels, mode, params):
    hparams = basic_params1()
    hidden = tf.layers.dense(features['inputs'], 512, activation=tf.nn.relu, name='body/ffn')
    logits = tf.layers.dense(hidden, params['vocab_size'], name='top/logits')
    loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))
    train_op = optimize(loss, hparams.learning_rate, hparams)
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)


if __name__ == '__main__':
    estimator = tf.estimator.Estimator(model_fn=model_fn, params={'vocab_size': 32000})
