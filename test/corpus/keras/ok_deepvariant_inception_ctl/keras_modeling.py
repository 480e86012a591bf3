# Idiom seen in: google/deepvariant deepvariant/keras_modeling.py
# What it reproduces: add_l2_regularizers clones the InceptionV3 backbone, setattr's kernel_regularizer on
#   its Conv2D layers, then rebuilds it with model_from_json and reloads the weights (so the losses are
#   registered); the classification head takes its L2 from the caller: clean.
import os
import tempfile

import tensorflow as tf

NUM_CLASSES = 3


def build_classification_head(inputs, l2=0.0):
    l2_regularizer = tf.keras.regularizers.L2(l2) if l2 else None
    head = tf.keras.layers.Dense(NUM_CLASSES, activation='softmax', dtype=tf.float32,
                                 name='classification', kernel_regularizer=l2_regularizer)
    return head(inputs)


def add_l2_regularizers(model, layer_class, l2, regularizer_attr='kernel_regularizer'):
    tmp_weights_path = os.path.join(tempfile.gettempdir(), 'tmp_weights.h5')
    model.save_weights(tmp_weights_path)
    reg_model = tf.keras.models.clone_model(model)
    num_regularizers_added = 0
    for layer in reg_model.layers:
        if not isinstance(layer, layer_class) or not hasattr(layer, regularizer_attr):
            continue
        if getattr(layer, regularizer_attr) is not None:
            continue
        setattr(layer, regularizer_attr, tf.keras.regularizers.l2(l2=l2))
        num_regularizers_added += 1
    reg_model_json = reg_model.to_json()
    reg_model = tf.keras.models.model_from_json(reg_model_json)
    reg_model.load_weights(tmp_weights_path, by_name=True)
    assert len(reg_model.losses) == (len(model.losses) + num_regularizers_added)
    return reg_model


def inceptionv3(input_shape, config):
    backbone = tf.keras.applications.InceptionV3(include_top=False, weights=None, input_shape=input_shape,
                                                 classes=NUM_CLASSES, pooling='avg')
    weight_decay = config.weight_decay
    backbone = add_l2_regularizers(backbone, tf.keras.layers.Conv2D, l2=weight_decay)
    hid = backbone(backbone.input)
    hid = tf.keras.layers.Dropout(config.backbone_dropout_rate)(hid)
    outputs = [build_classification_head(hid, l2=weight_decay)]
    return tf.keras.Model(inputs=backbone.input, outputs=outputs, name='inceptionv3')
