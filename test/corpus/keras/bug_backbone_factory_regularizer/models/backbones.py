# Idiom seen in: jkjung-avt/keras_imagenet models/models.py (application backbones picked by name)
#                cilab-ufersa/surface_crack_detection crack_segmentation/model/add_regularization.py
# What it reproduces: a factory module that returns already-built tf.keras.applications models;
# the training script then sets kernel_regularizer on their layers (see train.py).
import tensorflow as tf


def build_backbone(name, input_shape=(224, 224, 3), weights='imagenet'):
    """Returns an ImageNet backbone without its classifier, globally average-pooled."""
    if name == 'resnet50':
        return tf.keras.applications.ResNet50(include_top=False, weights=weights,
                                              input_shape=input_shape, pooling='avg')
    elif name == 'mobilenet_v2':
        return tf.keras.applications.MobileNetV2(include_top=False, weights=weights,
                                                 input_shape=input_shape, pooling='avg')
    elif name == 'densenet121':
        return tf.keras.applications.DenseNet121(include_top=False, weights=weights,
                                                 input_shape=input_shape, pooling='avg')
    raise ValueError('unknown backbone: %s' % name)
