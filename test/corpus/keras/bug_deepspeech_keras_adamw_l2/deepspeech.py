# Idiom seen in: rolczynski/DeepSpeech-Keras automatic_speech_recognition/model/deepspeech.py
# What it reproduces: a DeepSpeech-style Keras model (time-distributed dense stack over spectrogram frames, a
# bidirectional LSTM, softmax over the alphabet) whose dense layers take an l2 kernel_regularizer. train.py compiles it
# with keras.optimizers.AdamW(weight_decay=...), which already decays every variable: each regularizer doubles it.
from tensorflow import keras
from tensorflow.keras import layers, regularizers


def get_deepspeech(input_dim, output_dim, units=1024, dropout=0.1, l2=5e-4, is_gpu=True):
    inputs = keras.Input(shape=(None, input_dim), name='inputs')
    x = layers.Masking()(inputs)
    x = layers.TimeDistributed(layers.Dense(units, activation='relu',
                                            kernel_regularizer=regularizers.l2(l2)))(x)  # expect: WD201
    x = layers.Dropout(dropout)(x)
    x = layers.TimeDistributed(layers.Dense(units, activation='relu',
                                            kernel_regularizer=regularizers.l2(l2)))(x)  # expect: WD201
    x = layers.Dropout(dropout)(x)
    x = layers.Bidirectional(layers.LSTM(units, return_sequences=True), merge_mode='sum')(x)
    x = layers.TimeDistributed(layers.Dense(units, activation='relu',
                                            kernel_regularizer=regularizers.l2(l2)))(x)  # expect: WD201
    x = layers.Dropout(dropout)(x)
    outputs = layers.TimeDistributed(layers.Dense(output_dim, activation='softmax'))(x)
    return keras.Model(inputs, outputs, name='DeepSpeech')
