# Idiom seen in: alcunha/inat2021ufam model_builder.py
# Idiom seen in: alcunha/inat2021ufam train_image_classifier.py
# What it reproduces: the repo's model_builder (MobileNetV2 base from tf.keras.applications + Dense head);
# injected: an add_weight_decay() helper that sets layer.kernel_regularizer on the layers of the already built
# model, which creates no loss (model.losses stays empty) and the model is never rebuilt from its config.
import collections

import tensorflow as tf

ModelSpecs = collections.namedtuple("ModelSpecs", ['uri', 'input_size', 'classes', 'activation'])

MODELS_SPECS = {
    'mobilenetv2': ModelSpecs(uri='mobilenetv2', input_size=224, classes=2, activation='softmax'),
}


def _create_model_from_keras(specs, seed=None):
    base_model = tf.keras.applications.MobileNetV2(
        input_shape=(specs.input_size, specs.input_size, 3),
        include_top=False,
        weights='imagenet')
    x = tf.keras.layers.GlobalAveragePooling2D()(base_model.output)
    output = tf.keras.layers.Dense(
        specs.classes, activation=specs.activation,
        kernel_initializer=tf.keras.initializers.glorot_uniform(seed))(x)
    return tf.keras.models.Model(inputs=[base_model.input], outputs=[output])


def add_weight_decay(model, weight_decay):
    for layer in model.layers:
        if isinstance(layer, (tf.keras.layers.Conv2D, tf.keras.layers.Dense)):
            layer.kernel_regularizer = tf.keras.regularizers.l2(weight_decay)  # expect: WD106
    return model


def create(model_name, num_classes, input_size=None, seed=None):
    specs = MODELS_SPECS[model_name]._replace(classes=num_classes)
    if input_size is not None:
        specs = specs._replace(input_size=input_size)
    return _create_model_from_keras(specs, seed)
