# Idiom seen in: EpiSci/SafeAI safeai/models/sample_model.py
# What it reproduces: contrib-layers VGG-A with sample_model_arg_scope(weight_decay) giving conv2d and
#   fully_connected an l2 weights_regularizer; train_vgg.py enters the scope and minimizes
#   tf.losses.get_total_loss(), which adds REGULARIZATION_LOSSES. Clean.
from tensorflow.contrib import layers
from tensorflow.contrib.framework.python.ops import arg_scope
from tensorflow.contrib.layers.python.layers import layers as layers_lib
from tensorflow.contrib.layers.python.layers import regularizers
from tensorflow.python.ops import array_ops, init_ops, nn_ops, variable_scope


def sample_model_arg_scope(weight_decay=0.0005):
    with arg_scope(
            [layers.conv2d, layers_lib.fully_connected],
            activation_fn=nn_ops.relu,
            weights_regularizer=regularizers.l2_regularizer(weight_decay),
            biases_initializer=init_ops.zeros_initializer()):
        with arg_scope([layers.conv2d], padding='SAME') as arg_sc:
            return arg_sc


def vgg_a(inputs, num_classes=10, is_training=True, dropout_keep_prob=0.5,
          spatial_squeeze=True, scope='vgg_a'):
    with variable_scope.variable_scope(scope, 'vgg_a', [inputs]) as sc:
        end_points_collection = sc.original_name_scope + '_end_points'
        with arg_scope([layers.conv2d, layers_lib.max_pool2d],
                       outputs_collections=end_points_collection):
            net = layers_lib.repeat(inputs, 1, layers.conv2d, 64, [3, 3], scope='conv1')
            net = layers_lib.max_pool2d(net, [2, 2], scope='pool1')
            net = layers_lib.repeat(net, 1, layers.conv2d, 128, [3, 3], scope='conv2')
            net = layers_lib.max_pool2d(net, [2, 2], scope='pool2')
            net = layers_lib.repeat(net, 2, layers.conv2d, 256, [3, 3], scope='conv3')
            net = layers_lib.max_pool2d(net, [2, 2], scope='pool3')
            net = layers.conv2d(net, 512, [4, 4], padding='VALID', scope='fc6')
            net = layers_lib.dropout(net, dropout_keep_prob, is_training=is_training, scope='dropout6')
            net = layers.conv2d(net, num_classes, [1, 1], activation_fn=None,
                                normalizer_fn=None, scope='fc8')
            if spatial_squeeze:
                net = array_ops.squeeze(net, [1, 2], name='fc8/squeezed')
            return net, end_points_collection
