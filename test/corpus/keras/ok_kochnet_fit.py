# Idiom seen in: few-shot-learning/Keras-FewShotLearning keras_fsl/models/encoders/koch_net.py
# Idiom seen in: few-shot-learning/Keras-FewShotLearning notebooks/siamese_nets_training.py
# What it reproduces: KochNet conv factory with kernel_regularizer=l2() on every conv, the siamese model is
# compiled and trained with fit as the notebook does, so Keras adds model.losses to the loss: clean.
import tensorflow as tf
from tensorflow.keras import Input, Model, Sequential
from tensorflow.keras.callbacks import ReduceLROnPlateau
from tensorflow.keras.layers import Conv2D, Dense, Flatten, Lambda, MaxPooling2D
from tensorflow.keras.initializers import RandomNormal
from tensorflow.keras.regularizers import l2

from omniglot_input import pair_dataset


def conv_2d(*args, **kwargs):
    return Conv2D(*args, **kwargs, kernel_initializer=RandomNormal(0.0, 0.01),
                  bias_initializer=RandomNormal(0.5, 0.01), kernel_regularizer=l2(2e-4))


def koch_net(input_shape):
    return Sequential([
        Input(input_shape),
        conv_2d(64, (10, 10), activation='relu'), MaxPooling2D(),
        conv_2d(128, (7, 7), activation='relu'), MaxPooling2D(),
        conv_2d(128, (4, 4), activation='relu'), MaxPooling2D(),
        conv_2d(256, (4, 4), activation='relu'), Flatten(),
        Dense(4096, activation='sigmoid'),
    ], name='koch_net')


input_shape = (105, 105, 1)
encoder = koch_net(input_shape)
a, b = Input(input_shape), Input(input_shape)
dist = Lambda(lambda t: tf.abs(t[0] - t[1]))([encoder(a), encoder(b)])
siamese_nets = Model([a, b], Dense(1, activation='sigmoid')(dist))

siamese_nets.compile(optimizer=tf.keras.optimizers.Adam(6e-5), loss='binary_crossentropy',
                     metrics=['binary_accuracy'])
siamese_nets.fit(pair_dataset('train', batch_size=32), epochs=50,
                 validation_data=pair_dataset('val', batch_size=32),
                 callbacks=[ReduceLROnPlateau(patience=3)])
