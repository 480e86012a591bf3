# Idiom seen in: Krabsenm/thesis2021 utils/add_regularization.py
# Idiom seen in: Krabsenm/thesis2021 models/models.py
# What it reproduces: the "add regularization to a pretrained Keras application" helper: setattr(layer, "kernel_regularizer", r)
#   on every layer, then model_from_json(model.to_json()) + reload weights so the layers are rebuilt with their losses; the
#   rebuilt base is nested into the classifier that compile()/fit() trains: clean.
import tensorflow as tf
from tensorflow.keras.applications import MobileNetV2, ResNet50V2
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Model

from add_regularization import add_regularization


def make_resnet(input_tensor=(224, 224, 3), weights=None):
    return ResNet50V2(include_top=False, weights=weights, input_shape=input_tensor, pooling='avg')


def make_mobilenet(input_tensor=(224, 224, 3), weights=None):
    return MobileNetV2(include_top=False, alpha=1.0, weights=weights,
                       input_shape=input_tensor, pooling='avg')


def build_model(name, classification_name, input_tensor, nclasses, weights,
                regularization, regularization_alpha):
    if name == 'resnet':
        basemodel = make_resnet(input_tensor=input_tensor, weights=weights)
    elif name == 'mobilenet':
        basemodel = make_mobilenet(input_tensor=input_tensor, weights=weights)
    else:
        raise NameError('unknown model name %s' % name)

    if regularization == 'l2':
        basemodel = add_regularization(basemodel, tf.keras.regularizers.l2(regularization_alpha))
    elif regularization == 'l1':
        basemodel = add_regularization(basemodel, tf.keras.regularizers.l1(regularization_alpha))

    _input = tf.keras.layers.Input(input_tensor, dtype=tf.float32)
    x = basemodel(_input)
    out = [Dense(n, name=task, activation='softmax')(x)
           for task, n in zip(classification_name, nclasses)]
    return Model(inputs=[_input], outputs=out)
