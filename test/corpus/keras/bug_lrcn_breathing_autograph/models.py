# Idiom seen in: tbe07tyg/Tensorflow2 BreathingRecognition/models.py
# What it reproduces: the LRCN (TimeDistributed VGG-style convs + LSTM) built with
# kernel_regularizer=regularizers.l2(l=reg_lambda) on its convolutions; train_autograph.py trains it with a
# tf.function GradientTape step whose loss is the MSE alone, so these terms never reach the loss.
from tensorflow.keras import layers, regularizers
from tensorflow.keras.models import Sequential


class ResearchModels:
    def __init__(self, seq_length, image_shape=(80, 80, 3), reg_lambda=0.001):
        self.input_shape = (seq_length,) + image_shape
        self.reg_lambda = reg_lambda

    def lrcn(self):
        def add_default_block(model, kernel_filters, init, reg_lambda):
            model.add(layers.TimeDistributed(layers.Conv2D(kernel_filters, (3, 3), padding='same',
                                                           kernel_initializer=init,
                                                           kernel_regularizer=regularizers.l2(l=reg_lambda))))  # expect: WD103
            model.add(layers.TimeDistributed(layers.BatchNormalization()))
            model.add(layers.TimeDistributed(layers.Activation('relu')))
            model.add(layers.TimeDistributed(layers.MaxPooling2D((2, 2), strides=(2, 2))))
            return model

        initialiser = 'glorot_uniform'
        model = Sequential()
        model.add(layers.TimeDistributed(layers.Conv2D(32, (7, 7), strides=(2, 2), padding='same',
                                                       kernel_initializer=initialiser,
                                                       kernel_regularizer=regularizers.l2(l=self.reg_lambda)),  # expect: WD103
                                         input_shape=self.input_shape))
        model.add(layers.TimeDistributed(layers.BatchNormalization()))
        model.add(layers.TimeDistributed(layers.Activation('relu')))
        model = add_default_block(model, 64, init=initialiser, reg_lambda=self.reg_lambda)
        model = add_default_block(model, 128, init=initialiser, reg_lambda=self.reg_lambda)
        model.add(layers.TimeDistributed(layers.Flatten()))
        model.add(layers.LSTM(256, return_sequences=False, dropout=0.5))
        model.add(layers.Dense(1))
        return model
