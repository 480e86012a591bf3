# Idiom seen in: boratechlife/tensorflow-questions tensorflow/tf-keras-regularizers-l2.md
# What it reproduces: the same fine-tuning L2 loop over a built MobileNetV2, followed by the rebuild that makes
# it take effect: model_from_json(base.to_json()) re-creates the layers with their new regularizers and the
# weights are restored; the rebuilt base is fit, so model.losses are trained: clean.
import os
import tempfile

import tensorflow as tf
from tensorflow.keras import layers, regularizers

from flowers_input import make_datasets

WEIGHT_DECAY = 1e-4


def add_l2(base, weight_decay):
    for layer in base.layers:
        if isinstance(layer, (layers.Conv2D, layers.DepthwiseConv2D)):
            layer.kernel_regularizer = regularizers.l2(weight_decay)
    tmp = os.path.join(tempfile.gettempdir(), 'base_weights.h5')
    base.save_weights(tmp)
    rebuilt = tf.keras.models.model_from_json(base.to_json())
    rebuilt.load_weights(tmp, by_name=True)
    return rebuilt


base = tf.keras.applications.MobileNetV2(input_shape=(224, 224, 3), include_top=False, weights='imagenet')
base = add_l2(base, WEIGHT_DECAY)
inputs = tf.keras.Input((224, 224, 3))
x = base(tf.keras.applications.mobilenet_v2.preprocess_input(inputs))
x = layers.GlobalAveragePooling2D()(x)
model = tf.keras.Model(inputs, layers.Dense(5)(x))

train_ds, val_ds, _ = make_datasets(batch_size=32)
model.compile(optimizer=tf.keras.optimizers.SGD(1e-3, momentum=0.9),
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=['accuracy'])
model.fit(train_ds, validation_data=val_ds, epochs=10)
