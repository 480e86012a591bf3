# Idiom seen in: repository not resolved by the code index (index file id 22203651138: an EchoNet still-image
#   volume-regression training script; its add_regularization helper is credited to sthalles.github.io/keras-regularizer)
# What it reproduces: the "add l2 to a pretrained model" helper sets kernel_regularizer on the layers, then
#   rebuilds the model from JSON (the step that makes the attribute take effect) and RETURNS the rebuilt model;
#   the model factory calls it as a statement and returns the original object, whose layers only carry the
#   attribute and contribute no loss.
# label-note: WD106 on the attribute assignment: the model that is compiled and fitted (train.py) is the
#   already-built one the assignment was made on; the rebuilt copy is discarded by get_resnet50_model.
import os
import tempfile

import tensorflow as tf
from tensorflow import keras
from tensorflow.keras.applications import ResNet50


# source: https://sthalles.github.io/keras-regularizer/
def add_regularization(model, regularizer=tf.keras.regularizers.l2(0.01)):
    if not isinstance(regularizer, tf.keras.regularizers.Regularizer):
        print("Regularizer must be a subclass of tf.keras.regularizers.Regularizer")
        return model

    for layer in model.layers:
        if hasattr(layer, 'kernel_regularizer'):
            layer.kernel_regularizer = regularizer  # expect: WD106

    # When changing layers attributes, change only happens in model config file
    model_json = model.to_json()
    tmp_weights_path = os.path.join(tempfile.gettempdir(), 'tmp_weights.h5')
    model.save_weights(tmp_weights_path)
    model = tf.keras.models.model_from_json(model_json)
    model.load_weights(tmp_weights_path, by_name=True)
    return model


def get_resnet50_model(l2_reg, input_shape=(112, 112, 3)):
    base_model = ResNet50(weights='imagenet', include_top=False, input_shape=input_shape)
    x = keras.layers.GlobalAveragePooling2D()(base_model.output)
    x = keras.layers.Dense(512, activation='relu')(x)
    output = keras.layers.Dense(1)(x)
    model = keras.Model(inputs=base_model.input, outputs=output)
    model.summary()

    add_regularization(model, regularizer=tf.keras.regularizers.l2(l2_reg))
    return model
