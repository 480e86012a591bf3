# Idiom seen in: TH3CHARLie/deep-high-dynamic-range ref.py
# What it reproduces: the model half of the Keras-guide custom loop moved into its own module, with
#   kernel_regularizer=l2(weight_decay) on the hidden layers; train.py's tape loss leaves out model.losses,
#   so these regularizers add nothing (WD103 on each keyword).
from tensorflow import keras
from tensorflow.keras import layers


def build_mlp(weight_decay=1e-4, hidden=64):
    inputs = keras.Input(shape=(784,), name='digits')
    x = layers.Dense(hidden, activation='relu', kernel_regularizer=keras.regularizers.l2(weight_decay), name='dense_1')(inputs)  # expect: WD103
    x = layers.Dense(hidden, activation='relu', kernel_regularizer=keras.regularizers.l2(weight_decay), name='dense_2')(x)  # expect: WD103
    outputs = layers.Dense(10, name='predictions')(x)
    return keras.Model(inputs=inputs, outputs=outputs)
