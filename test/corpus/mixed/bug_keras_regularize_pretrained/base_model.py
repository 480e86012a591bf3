# Idiom seen in: JacobARose/pyleaves pyleaves/base/base_model.py (add_regularization(model, regularizer, strength) looping model.layers, BaseModel.build_model -> build_base/build_head -> add_regularization)
# What it reproduces: the regularizer is set on the layers of an already-built applications model and the model is only serialized to JSON, never rebuilt from it (the original reloads the saved model), so no loss is ever created (bug, WD106).
import json
import os

import tensorflow as tf


def add_regularization(model, strength=1e-4, config_dir=None):
    for layer in model.layers:
        if hasattr(layer, 'kernel_regularizer'):
            layer.kernel_regularizer = tf.keras.regularizers.l2(strength)  # expect: WD106
    if config_dir is not None:
        os.makedirs(config_dir, exist_ok=True)
        with open(os.path.join(config_dir, 'model_config.json'), 'w') as f:
            f.write(model.to_json())
    return model


class BaseModel:
    """
    model_config = {'num_classes': 32, 'weights': 'imagenet',
                    'input_shape': (224, 224, 3), 'lr': 1e-4,
                    'regularization': {'l2': 1e-4}}
    """

    def __init__(self, model_config, name='mobilenet_v2'):
        self.name = name
        self.config = model_config
        self.num_classes = model_config['num_classes']
        self.input_shape = model_config['input_shape']
        self.weights = model_config.get('weights', None)
        self.regularization = model_config.get('regularization', {})
        self.model_dir = model_config.get('model_dir', './models')

    def build_base(self):
        return tf.keras.applications.MobileNetV2(input_shape=self.input_shape,
                                                 include_top=False,
                                                 weights=self.weights)

    def build_head(self, base):
        x = tf.keras.layers.GlobalAveragePooling2D()(base.output)
        x = tf.keras.layers.Dense(256, activation='relu')(x)
        out = tf.keras.layers.Dense(self.num_classes)(x)
        return tf.keras.Model(base.input, out, name=self.name)

    def build_model(self):
        base = self.build_base()
        model = self.build_head(base)
        if 'l2' in self.regularization:
            model = add_regularization(model, strength=self.regularization['l2'],
                                       config_dir=self.model_dir)
        self.model = model
        return model
