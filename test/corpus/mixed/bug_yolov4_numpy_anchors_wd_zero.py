# Idiom seen in: wangermeng2021/Scaled-YOLOv4-tensorflow2 model/common.py
# Idiom seen in: wangermeng2021/Scaled-YOLOv4-tensorflow2 train.py
# What it reproduces: research script mixing numpy (k-means anchors on box sizes) and a tf.keras detector whose
# conv2d_bn_mish helper builds an L2 regularizer only `if weight_decay > 0`; every call passes the module
# constant WEIGHT_DECAY = 0.0, so the decay code is dead (user variant of the repository's helper).
import numpy as np
import tensorflow as tf

from voc_boxes import load_box_sizes, make_tf_dataset

WEIGHT_DECAY = 0.0
NUM_ANCHORS = 9
NUM_CLASSES = 20


def kmeans_anchors(wh, k=NUM_ANCHORS, iters=300, seed=0):
    rng = np.random.default_rng(seed)
    centers = wh[rng.choice(len(wh), k, replace=False)]
    for _ in range(iters):
        inter = np.minimum(wh[:, None, 0], centers[None, :, 0]) * np.minimum(wh[:, None, 1], centers[None, :, 1])
        iou = inter / (wh[:, None, 0] * wh[:, None, 1] + centers[None, :, 0] * centers[None, :, 1] - inter)
        assign = np.argmax(iou, axis=1)
        new_centers = np.array([np.median(wh[assign == j], axis=0) for j in range(k)])
        if np.allclose(new_centers, centers):
            break
        centers = new_centers
    return centers[np.argsort(centers.prod(axis=1))]


def conv2d_bn_mish(x, filters, kernel_size, strides=(1, 1), weight_decay=0.0, name=None):
    kernel_regularizer = None
    if weight_decay > 0:  # expect: WD303
        kernel_regularizer = tf.keras.regularizers.l2(weight_decay)
    x = tf.keras.layers.Conv2D(filters, kernel_size, strides, padding='same', use_bias=False,
                               kernel_regularizer=kernel_regularizer, name=name + '_conv2d')(x)
    x = tf.keras.layers.BatchNormalization(name=name + '_batch_normalization')(x)
    return x * tf.math.tanh(tf.math.softplus(x))


def tiny_detector(input_shape=(416, 416, 3), num_anchors=3):
    inputs = tf.keras.Input(shape=input_shape)
    x = conv2d_bn_mish(inputs, 32, 3, strides=(2, 2), weight_decay=WEIGHT_DECAY, name='stem')
    for i, filters in enumerate([64, 128, 256, 512]):
        x = conv2d_bn_mish(x, filters, 3, strides=(2, 2), weight_decay=WEIGHT_DECAY, name='down%d' % i)
        x = conv2d_bn_mish(x, filters, 1, weight_decay=WEIGHT_DECAY, name='proj%d' % i)
    outputs = tf.keras.layers.Conv2D(num_anchors * (5 + NUM_CLASSES), 1, name='head')(x)
    return tf.keras.Model(inputs, outputs)


if __name__ == '__main__':
    wh = np.asarray(load_box_sizes('VOC2007/Annotations'), dtype=np.float32)
    anchors = kmeans_anchors(wh)
    np.savetxt('anchors.txt', anchors, fmt='%.1f')
    model = tiny_detector()
    model.compile(optimizer=tf.keras.optimizers.SGD(1e-2, momentum=0.937), loss='mse')
    model.fit(make_tf_dataset(anchors, batch_size=16), epochs=100)
