# Idiom seen in: alcunha/inat2021ufam model_builder.py
# What it reproduces: the repo's model builder (MobileNetV2 application backbone with its BatchNormalization
# layers, GlobalAveragePooling2D and a Dense head with bias); no regularizers here, the decay comes from the
# optimizer built in train_image_classifier.py.
import tensorflow as tf


def create(num_classes, input_size=224, seed=None):
    base_model = tf.keras.applications.MobileNetV2(
        input_shape=(input_size, input_size, 3), include_top=False, weights='imagenet')
    x = tf.keras.layers.GlobalAveragePooling2D()(base_model.output)
    output = tf.keras.layers.Dense(
        num_classes, activation='softmax',
        kernel_initializer=tf.keras.initializers.glorot_uniform(seed))(x)
    return tf.keras.models.Model(inputs=[base_model.input], outputs=[output])
