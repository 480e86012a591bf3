# Idiom seen in: alcunha/inat2021ufam model_builder.py
# What it reproduces: the repo's MobileNetV2-based model builder plus an add_weight_decay() helper that sets
# kernel_regularizer on the built layers AND rebuilds the model from its JSON config (then restores the
# weights), so the regularizers are created as losses; trained with compile/fit in train.py. Clean.
import tensorflow as tf


def create(num_classes, input_size=224, seed=None):
    base_model = tf.keras.applications.MobileNetV2(
        input_shape=(input_size, input_size, 3), include_top=False, weights='imagenet')
    x = tf.keras.layers.GlobalAveragePooling2D()(base_model.output)
    output = tf.keras.layers.Dense(num_classes, activation='softmax',
                                   kernel_initializer=tf.keras.initializers.glorot_uniform(seed))(x)
    return tf.keras.models.Model(inputs=[base_model.input], outputs=[output])


def add_weight_decay(model, weight_decay):
    for layer in model.layers:
        if isinstance(layer, (tf.keras.layers.Conv2D, tf.keras.layers.Dense)):
            layer.kernel_regularizer = tf.keras.regularizers.l2(weight_decay)
    weights = model.get_weights()
    model = tf.keras.models.model_from_json(model.to_json())
    model.set_weights(weights)
    return model
