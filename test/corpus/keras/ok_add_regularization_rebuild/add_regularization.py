# Idiom seen in: Krabsenm/thesis2021 utils/add_regularization.py
# Idiom seen in: Krabsenm/thesis2021 models/models.py
# What it reproduces: the "add regularization to a pretrained Keras application" helper: setattr(layer, "kernel_regularizer", r)
#   on every layer, then model_from_json(model.to_json()) + reload weights so the layers are rebuilt with their losses; the
#   rebuilt base is nested into the classifier that compile()/fit() trains: clean.
import os
import tempfile

import tensorflow as tf


def add_regularization(model, regularizer=tf.keras.regularizers.l2(0.0001)):
    if not isinstance(regularizer, tf.keras.regularizers.Regularizer):
        print('Regularizer must be a subclass of tf.keras.regularizers.Regularizer')
        return model

    for layer in model.layers:
        for attr in ['kernel_regularizer']:
            if hasattr(layer, attr):
                setattr(layer, attr, regularizer)

    # the new attributes only live in the config: rebuild the model from it
    model_json = model.to_json()
    tmp_weights_path = os.path.join(tempfile.gettempdir(), 'tmp_weights.h5')
    model.save_weights(tmp_weights_path)
    model = tf.keras.models.model_from_json(model_json)
    model.load_weights(tmp_weights_path, by_name=True)
    return model
