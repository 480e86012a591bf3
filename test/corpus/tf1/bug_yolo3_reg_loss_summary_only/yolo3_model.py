# Idiom seen in: aloyschen/tensorflow-yolo3 model/yolo3_model.py
# What it reproduces: a model class whose conv helper gives every tf.layers.conv2d a contrib
#   l2_regularizer(5e-4); the terms land in REGULARIZATION_LOSSES and must be summed by the trainer.
import numpy as np
import tensorflow as tf


class yolo:
    def __init__(self, norm_epsilon, norm_decay, anchors_path, classes_path, pre_train):
        self.norm_epsilon = norm_epsilon
        self.norm_decay = norm_decay
        self.anchors_path = anchors_path
        self.classes_path = classes_path
        self.pre_train = pre_train
        self.anchors = np.array([float(x) for x in open(anchors_path).readline().split(',')]).reshape(-1, 2)
        self.classes = [c.strip() for c in open(classes_path).readlines()]

    def _batch_normalization_layer(self, input_layer, name=None, training=True, norm_decay=0.99, norm_epsilon=1e-3):
        bn_layer = tf.layers.batch_normalization(inputs=input_layer, momentum=norm_decay, epsilon=norm_epsilon,
                                                 center=True, scale=True, training=training, name=name)
        return tf.nn.leaky_relu(bn_layer, alpha=0.1)

    def _conv2d_layer(self, inputs, filters_num, kernel_size, name, use_bias=False, strides=1):
        if strides > 1:
            inputs = tf.pad(inputs, paddings=[[0, 0], [1, 0], [1, 0], [0, 0]], mode='CONSTANT')
        conv = tf.layers.conv2d(
            inputs=inputs, filters=filters_num, kernel_size=kernel_size, strides=[strides, strides],
            kernel_initializer=tf.glorot_uniform_initializer(), padding=('SAME' if strides == 1 else 'VALID'),
            kernel_regularizer=tf.contrib.layers.l2_regularizer(scale=5e-4), use_bias=use_bias, name=name)
        return conv

    def _Residual_block(self, inputs, filters_num, blocks_num, conv_index, training=True):
        layer = self._conv2d_layer(inputs, filters_num, kernel_size=3, strides=2, name="conv2d_" + str(conv_index))
        layer = self._batch_normalization_layer(layer, name="batch_normalization_" + str(conv_index), training=training)
        conv_index += 1
        for _ in range(blocks_num):
            shortcut = layer
            layer = self._conv2d_layer(layer, filters_num // 2, kernel_size=1, name="conv2d_" + str(conv_index))
            layer = self._batch_normalization_layer(layer, name="batch_normalization_" + str(conv_index), training=training)
            conv_index += 1
            layer = self._conv2d_layer(layer, filters_num, kernel_size=3, name="conv2d_" + str(conv_index))
            layer = self._batch_normalization_layer(layer, name="batch_normalization_" + str(conv_index), training=training)
            conv_index += 1
            layer += shortcut
        return layer, conv_index

    def yolo_inference(self, inputs, num_anchors, num_classes, training=True):
        conv_index = 1
        with tf.variable_scope('darknet53'):
            conv = self._conv2d_layer(inputs, 32, kernel_size=3, name="conv2d_" + str(conv_index))
            conv = self._batch_normalization_layer(conv, name="batch_normalization_" + str(conv_index), training=training)
            conv_index += 1
            for filters, n in [(64, 1), (128, 2), (256, 8), (512, 8), (1024, 4)]:
                conv, conv_index = self._Residual_block(conv, filters, n, conv_index, training=training)
        with tf.variable_scope('yolo'):
            out = self._conv2d_layer(conv, int(num_anchors * (num_classes + 5)), kernel_size=1,
                                     name="conv2d_" + str(conv_index), use_bias=True)
        return [out]

    def yolo_loss(self, yolo_output, y_true, anchors, num_classes, ignore_thresh=.5):
        loss = 0.0
        for index, feats in enumerate(yolo_output):
            object_mask = y_true[index][..., 4:5]
            pred = tf.reshape(feats, tf.shape(y_true[index]))
            xy_loss = object_mask * tf.square(y_true[index][..., 0:2] - tf.sigmoid(pred[..., 0:2]))
            wh_loss = object_mask * 0.5 * tf.square(y_true[index][..., 2:4] - pred[..., 2:4])
            confidence_loss = tf.nn.sigmoid_cross_entropy_with_logits(labels=object_mask, logits=pred[..., 4:5])
            class_loss = object_mask * tf.nn.sigmoid_cross_entropy_with_logits(labels=y_true[index][..., 5:],
                                                                               logits=pred[..., 5:])
            batch = tf.cast(tf.shape(feats)[0], tf.float32)
            loss += (tf.reduce_sum(xy_loss) + tf.reduce_sum(wh_loss) + tf.reduce_sum(confidence_loss)
                     + tf.reduce_sum(class_loss)) / batch
        return loss
