# Idiom seen in: hizhangp/yolo_tensorflow yolo/yolo_net.py
# What it reproduces: YOLOv1 built under slim.arg_scope(weights_regularizer=slim.l2_regularizer(0.0005)); the four detection losses go through tf.losses.add_loss and total_loss = tf.losses.get_total_loss(), which also sums REGULARIZATION_LOSSES (clean).
import numpy as np
import tensorflow as tf

import yolo_config as cfg

slim = tf.contrib.slim


def leaky_relu(alpha):
    def op(inputs):
        return tf.nn.leaky_relu(inputs, alpha=alpha, name="leaky_relu")
    return op


class YOLONet(object):
    def __init__(self, is_training=True):
        self.num_class = len(cfg.CLASSES)
        self.image_size = cfg.IMAGE_SIZE
        self.cell_size = cfg.CELL_SIZE
        self.boxes_per_cell = cfg.BOXES_PER_CELL
        self.output_size = self.cell_size * self.cell_size * (self.num_class + self.boxes_per_cell * 5)
        self.boundary1 = self.cell_size * self.cell_size * self.num_class
        self.boundary2 = self.boundary1 + self.cell_size * self.cell_size * self.boxes_per_cell
        self.images = tf.placeholder(tf.float32, [None, self.image_size, self.image_size, 3], name="images")
        self.logits = self.build_network(self.images, self.output_size, cfg.ALPHA, is_training=is_training)
        if is_training:
            self.labels = tf.placeholder(tf.float32, [None, self.cell_size, self.cell_size, 5 + self.num_class])
            self.loss_layer(self.logits, self.labels)
            self.total_loss = tf.losses.get_total_loss()
            tf.summary.scalar("total_loss", self.total_loss)

    def build_network(self, images, num_outputs, alpha, keep_prob=0.5, is_training=True, scope="yolo"):
        with tf.variable_scope(scope):
            with slim.arg_scope([slim.conv2d, slim.fully_connected],
                                activation_fn=leaky_relu(alpha),
                                weights_regularizer=slim.l2_regularizer(0.0005),
                                weights_initializer=tf.truncated_normal_initializer(0.0, 0.01)):
                net = tf.pad(images, np.array([[0, 0], [3, 3], [3, 3], [0, 0]]), name="pad_1")
                net = slim.conv2d(net, 64, 7, 2, padding="VALID", scope="conv_2")
                net = slim.max_pool2d(net, 2, padding="SAME", scope="pool_3")
                net = slim.conv2d(net, 192, 3, scope="conv_4")
                net = slim.max_pool2d(net, 2, padding="SAME", scope="pool_5")
                for i, (depth, k) in enumerate([(128, 1), (256, 3), (256, 1), (512, 3)]):
                    net = slim.conv2d(net, depth, k, scope="conv_%d" % (6 + i))
                net = slim.max_pool2d(net, 2, padding="SAME", scope="pool_10")
                net = slim.conv2d(net, 1024, 3, scope="conv_11")
                net = slim.conv2d(net, 1024, 3, 2, scope="conv_12")
                net = tf.transpose(net, [0, 3, 1, 2], name="trans_13")
                net = slim.flatten(net, scope="flat_14")
                net = slim.fully_connected(net, 512, scope="fc_15")
                net = slim.fully_connected(net, 4096, scope="fc_16")
                net = slim.dropout(net, keep_prob=keep_prob, is_training=is_training, scope="dropout_17")
                net = slim.fully_connected(net, num_outputs, activation_fn=None, scope="fc_18")
        return net

    def loss_layer(self, predicts, labels, scope="loss_layer"):
        with tf.variable_scope(scope):
            s, b, c = self.cell_size, self.boxes_per_cell, self.num_class
            pred_classes = tf.reshape(predicts[:, :self.boundary1], [-1, s, s, c])
            pred_scales = tf.reshape(predicts[:, self.boundary1:self.boundary2], [-1, s, s, b])
            pred_boxes = tf.reshape(predicts[:, self.boundary2:], [-1, s, s, b, 4])
            response = tf.reshape(labels[..., 0], [-1, s, s, 1])
            boxes = tf.tile(tf.reshape(labels[..., 1:5], [-1, s, s, 1, 4]), [1, 1, 1, b, 1]) / self.image_size
            classes = labels[..., 5:]
            iou = tf.reduce_sum(tf.minimum(pred_boxes, boxes), axis=4) / (tf.reduce_sum(boxes, axis=4) + 1e-10)
            object_mask = tf.cast(iou >= tf.reduce_max(iou, 3, keepdims=True), tf.float32) * response
            noobject_mask = tf.ones_like(object_mask) - object_mask

            class_loss = tf.reduce_mean(tf.reduce_sum(tf.square(response * (pred_classes - classes)), [1, 2, 3]))
            object_loss = tf.reduce_mean(tf.reduce_sum(tf.square(object_mask * (pred_scales - iou)), [1, 2, 3]))
            noobject_loss = tf.reduce_mean(tf.reduce_sum(tf.square(noobject_mask * pred_scales), [1, 2, 3]))
            coord_delta = tf.expand_dims(object_mask, 4) * (pred_boxes - boxes)
            coord_loss = tf.reduce_mean(tf.reduce_sum(tf.square(coord_delta), [1, 2, 3, 4]))

            tf.losses.add_loss(class_loss * cfg.CLASS_SCALE)
            tf.losses.add_loss(object_loss * cfg.OBJECT_SCALE)
            tf.losses.add_loss(noobject_loss * cfg.NOOBJECT_SCALE)
            tf.losses.add_loss(coord_loss * cfg.COORD_SCALE)
            tf.summary.scalar("class_loss", class_loss)
            tf.summary.scalar("coord_loss", coord_loss)
