# Idiom seen in: akanazawa/hmr src/models.py
# Idiom seen in: akanazawa/hmr src/trainer.py
# What it reproduces: the discriminator puts weights_regularizer=slim.l2_regularizer(weight_decay) on every
#   slim.conv2d/fully_connected through an arg_scope; its terms go to REGULARIZATION_LOSSES and are never
#   read by the loss the discriminator optimizer minimizes (WD102). The encoder's decay comes from
#   resnet_v2.resnet_arg_scope, a library arg_scope.
import tensorflow as tf
import tensorflow.contrib.slim as slim
from tensorflow.contrib.layers.python.layers.initializers import variance_scaling_initializer


def Encoder_resnet(x, is_training=True, weight_decay=0.001, reuse=False):
    from tensorflow.contrib.slim.python.slim.nets import resnet_v2
    with tf.name_scope("Encoder_resnet", [x]):
        with slim.arg_scope(resnet_v2.resnet_arg_scope(weight_decay=weight_decay)):
            net, end_points = resnet_v2.resnet_v2_50(
                x, num_classes=None, is_training=is_training, reuse=reuse, scope='resnet_v2_50')
            net = tf.squeeze(net, axis=[1, 2])
    variables = tf.contrib.framework.get_variables('resnet_v2_50')
    return net, variables


def Encoder_fc3_dropout(x, num_output=85, is_training=True, reuse=False, name="3D_module"):
    with tf.variable_scope(name, reuse=reuse) as scope:
        net = slim.fully_connected(x, 1024, scope='fc1')
        net = slim.dropout(net, 0.5, is_training=is_training, scope='dropout1')
        net = slim.fully_connected(net, 1024, scope='fc2')
        net = slim.dropout(net, 0.5, is_training=is_training, scope='dropout2')
        small_xavier = variance_scaling_initializer(factor=.01, mode='FAN_AVG', uniform=True)
        net = slim.fully_connected(net, num_output, activation_fn=None,
                                   weights_initializer=small_xavier, scope='fc3')
    variables = tf.contrib.framework.get_variables(scope)
    return net, variables


def Discriminator_separable_rotations(poses, shapes, weight_decay):
    """23 discriminators on each joint + 1 for all joints + 1 for shape."""
    with tf.name_scope("Discriminator_sep_rotations", [poses, shapes]):
        with tf.variable_scope("D") as scope:
            with slim.arg_scope(
                    [slim.conv2d, slim.fully_connected],
                    weights_regularizer=slim.l2_regularizer(weight_decay)):  # expect: WD102
                poses = slim.conv2d(poses, 32, [1, 1], scope='D_conv1')
                poses = slim.conv2d(poses, 32, [1, 1], scope='D_conv2')
                theta_out = []
                for i in range(0, 23):
                    theta_out.append(
                        slim.fully_connected(poses[:, i, :, :], 1, activation_fn=None,
                                             scope="pose_out_j%d" % i))
                theta_out_all = tf.squeeze(tf.stack(theta_out, axis=1))

                shapes = slim.stack(shapes, slim.fully_connected, [10, 5], scope="shape_fc1")
                shape_out = slim.fully_connected(shapes, 1, activation_fn=None, scope="shape_final")

                poses_all = slim.flatten(poses, scope='vectorize')
                poses_all = slim.fully_connected(poses_all, 1024, scope="D_alljoints_fc1")
                poses_all = slim.fully_connected(poses_all, 1024, scope="D_alljoints_fc2")
                poses_all_out = slim.fully_connected(poses_all, 1, activation_fn=None,
                                                     scope="D_alljoints_out")
                out = tf.concat([theta_out_all, poses_all_out, shape_out], 1)
        variables = tf.contrib.framework.get_variables(scope)
        return out, variables
