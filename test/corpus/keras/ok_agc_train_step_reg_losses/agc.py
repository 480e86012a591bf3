# Idiom seen in: sayakpaul/Adaptive-Gradient-Clipping agc.py
# What it reproduces: unit-wise adaptive gradient clipping applied to (params, grads) lists; no decay here.
import tensorflow as tf


def compute_norm(x, axis, keepdims):
    return tf.math.reduce_sum(x ** 2, axis=axis, keepdims=keepdims) ** 0.5


def unitwise_norm(x):
    if len(x.get_shape()) <= 1:
        axis, keepdims = None, False
    elif len(x.get_shape()) in [2, 3]:
        axis, keepdims = 0, True
    else:
        axis, keepdims = [0, 1, 2], True
    return compute_norm(x, axis, keepdims)


def adaptive_clip_grad(parameters, gradients, clip_factor=0.01, eps=1e-3):
    new_grads = []
    for (params, grads) in zip(parameters, gradients):
        p_norm = unitwise_norm(params)
        max_norm = tf.math.maximum(p_norm, eps) * clip_factor
        grad_norm = unitwise_norm(grads)
        clipped_grad = grads * (max_norm / tf.math.maximum(grad_norm, 1e-6))
        new_grads.append(tf.where(grad_norm < max_norm, grads, clipped_grad))
    return new_grads
