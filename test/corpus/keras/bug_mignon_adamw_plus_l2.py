# Idiom seen in: MignonDeveloper/pytorch-tutorials 5. Tensorflow_Basics/04. Regularization.py
# What it reproduces: the tutorial's regularized functional CNN (kernel_regularizer=l2 on convs and dense)
#   recompiled by a user with Keras 3's AdamW(weight_decay=...): the kernels get the l2 penalty through fit
#   and the optimizer's decoupled decay on top (WD201 on each regularizer), and AdamW also decays every bias
#   and batch-norm variable since nothing is excluded (WD203).
import os

os.environ["KERAS_BACKEND"] = "tensorflow"
import keras
from keras import layers, regularizers
from keras.datasets import cifar10

(x_train, y_train), (x_test, y_test) = cifar10.load_data()
x_train = x_train.astype("float32") / 255.0
x_test = x_test.astype("float32") / 255.0


def my_model():
    inputs = keras.Input(shape=(32, 32, 3))
    x = layers.Conv2D(32, 3, padding="same", kernel_regularizer=regularizers.l2(0.01))(inputs)  # expect: WD201
    x = layers.BatchNormalization()(x)
    x = keras.activations.relu(x)
    x = layers.MaxPooling2D()(x)
    x = layers.Conv2D(64, 3, padding="same", kernel_regularizer=regularizers.l2(0.01))(x)  # expect: WD201
    x = layers.BatchNormalization()(x)
    x = keras.activations.relu(x)
    x = layers.Flatten()(x)
    x = layers.Dense(64, activation="relu", kernel_regularizer=regularizers.l2(0.01))(x)  # expect: WD201
    x = layers.Dropout(0.5)(x)
    outputs = layers.Dense(10)(x)
    return keras.Model(inputs=inputs, outputs=outputs)


model = my_model()
model.compile(
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    optimizer=keras.optimizers.AdamW(learning_rate=3e-4, weight_decay=1e-2),  # expect: WD203
    metrics=["accuracy"],
)
model.fit(x_train, y_train, batch_size=64, epochs=150, verbose=2)
model.evaluate(x_test, y_test, batch_size=64, verbose=2)
