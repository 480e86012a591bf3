# Idiom seen in: MignonDeveloper/pytorch-tutorials 5. Tensorflow_Basics/10. Transfer Learning.py
# What it reproduces: the tutorial's "pretrained Keras model" section (InceptionV3, new head from
#   model.layers[-2].output) with a user loop that sets layer.kernel_regularizer on the already-built
#   application before fine-tuning: the attribute adds no loss, nothing rebuilds the model (WD106).
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers, regularizers

x = tf.random.normal(shape=(3, 299, 299, 3))
y = tf.constant([0, 1, 2])

model = keras.applications.InceptionV3(include_top=True)

for layer in model.layers:
    if isinstance(layer, (layers.Conv2D, layers.Dense)):
        layer.kernel_regularizer = regularizers.l2(1e-4)  # expect: WD106

base_inputs = model.layers[0].input
base_outputs = model.layers[-2].output
classifier = layers.Dense(3)(base_outputs)
new_model = keras.Model(inputs=base_inputs, outputs=classifier)

new_model.compile(
    optimizer=keras.optimizers.Adam(),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
print(new_model.summary())
new_model.fit(x, y, epochs=15, verbose=2)
