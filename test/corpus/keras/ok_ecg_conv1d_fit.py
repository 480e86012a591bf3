# Idiom seen in: neuralint/neuralint sample_buggy_scripts/keras/55776436.py
# What it reproduces: a Sequential Conv1D ECG classifier built with model.add and trained with compile/fit; here the conv
#   and dense kernels get kernel_regularizer=l2 at construction, which fit adds to the loss. Clean.
import numpy as np
import keras
from keras.models import Sequential
from keras.layers import Conv1D, Dense, Dropout, BatchNormalization, Activation, MaxPooling1D, Flatten
from keras import regularizers

from ecg_loader import load_ecg_segments

WEIGHT_DECAY = 1e-4

train_x, train_y = load_ecg_segments('data/ecg', seconds=60)

model = Sequential()
model.add(Conv1D(100, 700, activation='relu', input_shape=(18000, 1),
                 kernel_regularizer=regularizers.l2(WEIGHT_DECAY)))
model.add(Conv1D(50, 700, kernel_regularizer=regularizers.l2(WEIGHT_DECAY)))
model.add(Dropout(0.5))
model.add(BatchNormalization())
model.add(Activation('relu'))
model.add(MaxPooling1D(4))
model.add(Flatten())
model.add(Dense(6, activation='softmax', kernel_regularizer=regularizers.l2(WEIGHT_DECAY)))

adam = keras.optimizers.Adam(learning_rate=0.0001, beta_1=0.9, beta_2=0.999)
model.compile(optimizer=adam, loss='categorical_crossentropy', metrics=['accuracy'])
model.fit(train_x, train_y, epochs=50, batch_size=32, validation_split=0.33, shuffle=True)
