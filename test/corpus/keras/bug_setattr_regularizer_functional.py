# Idiom seen in: jules-gi/image_detection models/resnet50.py
# What it reproduces: load(inputs, l2_regularization) cuts a functional Model out of an ImageNet
# ResNet50 and "adds" the kernel regularizer with setattr(layer, 'kernel_regularizer', ...) on its
# built layers; the net is returned, extended with a detection head and trained with fit, with no
# rebuild: the backbone is never regularized (WD106 on the setattr line).
# label-note: setattr(layer, 'kernel_regularizer', r) is the same attribute assignment as
# layer.kernel_regularizer = r, on a model assigned in the same function, so it is labelled WD106.
import argparse

import tensorflow as tf
from tensorflow.keras.applications import ResNet50
from tensorflow.keras.layers import Conv2D, Input
from tensorflow.keras.models import Model
from tensorflow.keras.regularizers import l2


def load(inputs, l2_regularization=5e-4):
    x, x1 = inputs
    base_net = ResNet50(include_top=False, weights='imagenet', input_tensor=x1)
    net = Model(inputs=x, outputs=base_net.get_layer('conv4_block6_out').output)

    # Add kernel regularizer to each layer
    regularizer = l2(l2_regularization)
    for layer in net.layers:
        if hasattr(layer, 'kernel_regularizer'):
            setattr(layer, 'kernel_regularizer', regularizer)  # expect: WD106
    return net


def detection_head(features, num_anchors, num_classes, l2_regularization):
    cls = Conv2D(num_anchors * num_classes, 3, padding='same', kernel_regularizer=l2(l2_regularization),
                 name='cls_out')(features)
    box = Conv2D(num_anchors * 4, 3, padding='same', kernel_regularizer=l2(l2_regularization),
                 name='box_out')(features)
    return cls, box


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--l2', type=float, default=5e-4)
    parser.add_argument('--num_classes', type=int, default=21)
    parser.add_argument('--epochs', type=int, default=80)
    args = parser.parse_args()

    image = Input(shape=(512, 512, 3))
    backbone = load((image, image), l2_regularization=args.l2)
    cls_out, box_out = detection_head(backbone.output, 9, args.num_classes, args.l2)
    model = Model(image, [cls_out, box_out])

    from data.voc import voc_dataset  # input pipeline, not part of this script
    model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=1e-2, momentum=0.9),
                  loss={'cls_out': 'binary_crossentropy', 'box_out': tf.keras.losses.Huber()})
    model.fit(voc_dataset('train', batch_size=8), epochs=args.epochs)
