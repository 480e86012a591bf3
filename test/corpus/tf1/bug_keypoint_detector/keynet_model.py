# Idiom seen in: axelBarroso/Key.Net keyNet/model/keynet_architecture.py
# What it reproduces: a keypoint detector whose learnable blocks are tf.layers.conv2d with kernel_regularizer=l2_regularizer(scale=0.1); the trainer takes get_total_loss(add_regularization_losses=False), so these terms are never retrieved (bug, WD102).
import numpy as np
import tensorflow as tf


def sobel_kernels():
    dx = np.float32([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])[..., None, None]
    dy = np.float32([[-1, -2, -1], [0, 0, 0], [1, 2, 1]])[..., None, None]
    return dx, dy


class KeyPointNet(object):
    def __init__(self, hparams):
        self.levels = hparams.num_levels
        self.scale_factor = hparams.factor_scaling
        self.num_blocks = hparams.num_blocks
        self.num_filters = hparams.num_filters
        self.kernel_size = hparams.conv_kernel_size
        dx, dy = sobel_kernels()
        self.kernel_dx = tf.constant(dx, name="sobel_dx")
        self.kernel_dy = tf.constant(dy, name="sobel_dy")

    def handcrafted(self, image):
        dx = tf.nn.conv2d(image, self.kernel_dx, [1, 1, 1, 1], "SAME")
        dy = tf.nn.conv2d(image, self.kernel_dy, [1, 1, 1, 1], "SAME")
        dxx = tf.nn.conv2d(dx, self.kernel_dx, [1, 1, 1, 1], "SAME")
        dyy = tf.nn.conv2d(dy, self.kernel_dy, [1, 1, 1, 1], "SAME")
        dxy = tf.nn.conv2d(dx, self.kernel_dy, [1, 1, 1, 1], "SAME")
        return tf.concat([dx, dx * dx, dxx, dy, dy * dy, dyy, dx * dy, dxx * dyy, dxy, dxy * dxy], axis=3)

    def conv_block(self, features, name, reuse, is_training, num_filters, batchnorm=True, relu=True):
        features = tf.layers.conv2d(
            inputs=features, filters=num_filters, kernel_size=self.kernel_size,
            strides=1, padding="SAME", use_bias=True,
            kernel_initializer=tf.contrib.layers.variance_scaling_initializer(),
            kernel_regularizer=tf.contrib.layers.l2_regularizer(scale=0.1),  # expect: WD102
            name="conv_" + name, reuse=reuse)
        if batchnorm:
            features = tf.layers.batch_normalization(features, scale=True, training=is_training,
                                                     name="bn_" + name, reuse=reuse)
        if relu:
            features = tf.nn.relu(features)
        return features

    def model(self, images, is_training, dims, reuse=False):
        dims_f = tf.cast(dims, tf.float32)
        pyramid = []
        for level in range(self.levels):
            size = tf.cast((dims_f[1] / (self.scale_factor ** level), dims_f[2] / (self.scale_factor ** level)),
                           tf.int32)
            resized = tf.image.resize_images(images, size=size, align_corners=True)
            feats = self.handcrafted(resized)
            for b in range(self.num_blocks):
                feats = self.conv_block(feats, str(b + 1), reuse or level > 0, is_training, self.num_filters)
            pyramid.append(tf.image.resize_images(feats, size=tf.cast((dims_f[1], dims_f[2]), tf.int32),
                                                  align_corners=True))
        features = tf.concat(pyramid, axis=3)
        features = tf.layers.batch_normalization(features, scale=True, training=is_training,
                                                 name="bn_final", reuse=reuse)
        score_map = self.conv_block(features, "last", reuse, is_training, 1, batchnorm=False, relu=False)
        return {"features": features, "output": score_map}
