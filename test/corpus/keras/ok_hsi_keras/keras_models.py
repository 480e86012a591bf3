# Idiom seen in: am0606/cnn_hsi_p variables.py
# Idiom seen in: am0606/cnn_hsi_p keras_models.py
# Idiom seen in: am0606/cnn_hsi_p hsi_classifier_keras.py
# What it reproduces: Salinas hyperspectral 1-D CNN (Hu et al. 2015) with Dense(kernel_regularizer=l2(0.001)) trained by
#   compile/fit, which adds model.losses itself; the SGD decay=INIT_LR/epochs in variables.py is the legacy learning-rate
#   decay, not weight decay (clean).
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv1D, MaxPooling1D, Dense, Flatten, Dropout
from tensorflow.keras.regularizers import l2

from variables import *


def model1(n1, num_classes):
    model = Sequential()
    model.add(Conv1D(kernel_size=(k1), filters=num_kernels, input_shape=(n1, 1), activation="tanh", padding='valid'))
    model.add(MaxPooling1D(pool_size=(k2)))
    model.add(Flatten())
    model.add(Dense(n4, activation="tanh"))
    model.add(Dense(num_classes, activation="softmax"))
    return model


def model3(n1, num_classes):
    model = Sequential()
    model.add(Conv1D(kernel_size=(k1), filters=num_kernels, input_shape=(n1, 1), activation="tanh", padding='valid'))
    model.add(MaxPooling1D(pool_size=(k2)))
    model.add(Flatten())
    model.add(Dropout(0.1))
    model.add(Dense(n4, kernel_regularizer=l2(0.001), activation="tanh"))
    model.add(Dense(num_classes, activation="softmax"))
    return model
