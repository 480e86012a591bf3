# Idiom seen in: aannjjiiccaa/TotallySpies backend/src/cloning_dir/Estimation_Functions/neutal_network/cifar_10_nn.py
# What it reproduces: the functional CIFAR-10 net keeps kernel_regularizer=l2(0.01) on its conv and
#   dense kernels while the optimizer is switched from legacy Adam to keras AdamW(weight_decay=...):
#   those kernels are decayed twice, and AdamW also decays the BatchNorm and bias variables.
import tensorflow as tf
import keras
from keras import layers, regularizers
from keras.datasets import cifar10


def my_model():
    inputs = keras.Input(shape=(32, 32, 3))
    x = layers.Conv2D(32, 3, padding='same', kernel_regularizer=regularizers.l2(0.01))(inputs)  # expect: WD201
    x = layers.BatchNormalization()(x)
    x = keras.activations.relu(x)
    x = layers.MaxPooling2D()(x)
    x = layers.Conv2D(64, 5, padding='same', kernel_regularizer=regularizers.l2(0.01))(x)  # expect: WD201
    x = layers.BatchNormalization()(x)
    x = keras.activations.relu(x)
    x = layers.Conv2D(128, 3, kernel_regularizer=regularizers.l2(0.01), padding='same')(x)  # expect: WD201
    x = layers.BatchNormalization()(x)
    x = keras.activations.relu(x)
    x = layers.Flatten()(x)
    x = layers.Dense(64, activation='relu', kernel_regularizer=regularizers.l2(0.01))(x)  # expect: WD201
    x = layers.Dropout(0.5)(x)
    outputs = layers.Dense(10)(x)
    model = keras.Model(inputs=inputs, outputs=outputs)
    return model


if __name__ == '__main__':
    model = my_model()
    model.summary()
    (x_train, y_train), (x_test, y_test) = cifar10.load_data()
    x_train = x_train.astype("float32") / 255.0
    x_test = x_test.astype("float32") / 255.0

    model.compile(
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        optimizer=keras.optimizers.AdamW(learning_rate=3e-4, weight_decay=0.004),  # expect: WD203
        metrics=['accuracy'],
    )
    model.fit(x_train, y_train, batch_size=64, verbose=1, epochs=10)
    model.evaluate(x_test, y_test, batch_size=64, verbose=1)
