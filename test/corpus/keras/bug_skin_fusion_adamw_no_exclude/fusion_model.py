# Idiom seen in: reyadhasan605/FLF-and-DLF-of-skin-disease models/fusion_model.py
# What it reproduces: a feature-fusion model of pretrained VGG19 + DenseNet201 (BatchNormalization) and a
#   ViT-B16 (LayerNormalization) with a small Dense head; no layer regularizers. The decay comes only from
#   the AdamW in train.py, which excludes nothing.
import os

import tensorflow as tf
from keras import layers, Model
from keras.applications.densenet import DenseNet201
from keras.applications.vgg19 import VGG19
from vit_keras import vit


def create_vision_transformer_model(image_size=224):
    return vit.vit_b16(image_size=image_size, activation='sigmoid', pretrained=True,
                       include_top=False, pretrained_top=False)


def create_fusion_model(train_dir, image_size=224, num_classes=None):
    if num_classes is None:
        num_classes = len(os.listdir(train_dir))

    vgg_model = VGG19(weights='imagenet', include_top=False, input_shape=(image_size, image_size, 3))
    densenet_model = DenseNet201(weights='imagenet', include_top=False, input_shape=(image_size, image_size, 3))
    vit_model = create_vision_transformer_model(image_size=image_size)

    input_layer = tf.keras.Input(shape=(image_size, image_size, 3))
    vit_features = vit_model(input_layer)
    vgg_features = vgg_model(input_layer)
    densenet_features = densenet_model(input_layer)

    vgg_dense_layer = layers.Dense(768, activation='relu')(layers.GlobalMaxPooling2D()(vgg_features))
    densenet_dense_layer = layers.Dense(768, activation='relu')(layers.GlobalMaxPooling2D()(densenet_features))

    concatenated_features = layers.Flatten()(densenet_dense_layer) + layers.Flatten()(vgg_dense_layer) \
        + layers.Flatten()(vit_features)
    concatenated_features = layers.Dense(512, activation='relu')(concatenated_features)
    concatenated_features = layers.Dropout(0.5)(concatenated_features)
    output = layers.Dense(num_classes, activation='softmax')(concatenated_features)
    return Model(inputs=input_layer, outputs=output)
