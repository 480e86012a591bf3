# Idiom seen in: GeorgeSeif/Semantic-Segmentation-Suite builders/frontend_builder.py
# What it reproduces: a simple decoder on top of the frontend (no regularizers of its own); the decay
#   comes only from the frontend's arg_scope and is never collected by train.py.
import tensorflow as tf
import tf_slim as slim
from frontend_builder import build_frontend


def conv_transpose_block(inputs, n_filters, kernel_size=[3, 3]):
    net = slim.conv2d_transpose(inputs, n_filters, kernel_size=kernel_size, stride=[2, 2], activation_fn=None)
    net = tf.nn.relu(slim.batch_norm(net, fused=True))
    return net


def build_model(model_name, frontend, net_input, num_classes, image_width, image_height, is_training=True):
    logits, end_points, frontend_scope, init_fn = build_frontend(net_input, frontend, is_training=is_training)
    net = end_points['pool4']
    for n_filters in [512, 256, 128, 64, 32]:
        net = conv_transpose_block(net, n_filters)
    net = slim.conv2d(net, num_classes, [1, 1], activation_fn=None, scope='logits')
    net = tf.image.resize(net, [image_height, image_width])
    return net, init_fn
