# Idiom seen in: Hyperparticle/one-pixel-attack-keras networks/lecun_net.py
# Idiom seen in: BIGBALLON/cifar-10-cnn 1_Lecun_Network/LeNet_dp_da_wd_keras.py
# What it reproduces: the LecunNet class (self.weight_decay -> kernel_regularizer=l2 on every layer,
#   SGD nesterov, fit with augmentation). Porting to Keras 3, the user also hands self.weight_decay to
#   SGD(weight_decay=...): every kernel is now decayed twice, and biases are decayed by the optimizer.
import keras
import numpy as np
from keras import optimizers
from keras.callbacks import LearningRateScheduler, ModelCheckpoint
from keras.datasets import cifar10
from keras.layers import Conv2D, Dense, Flatten, Input, MaxPooling2D
from keras.models import Sequential
from keras.regularizers import l2


class LecunNet:
    def __init__(self):
        self.name = 'lecun_net'
        self.model_filename = 'networks/models/lecun_net.keras'
        self.num_classes = 10
        self.input_shape = 32, 32, 3
        self.batch_size = 128
        self.epochs = 200
        self.weight_decay = 0.0001

    def color_preprocessing(self, x_train, x_test):
        x_train, x_test = x_train.astype('float32'), x_test.astype('float32')
        mean = [125.307, 122.95, 113.865]
        std = [62.9932, 62.0887, 66.7048]
        for i in range(3):
            x_train[:, :, :, i] = (x_train[:, :, :, i] - mean[i]) / std[i]
            x_test[:, :, :, i] = (x_test[:, :, :, i] - mean[i]) / std[i]
        return x_train, x_test

    def build_model(self):
        model = Sequential()
        model.add(Input(shape=self.input_shape))
        model.add(Conv2D(6, (5, 5), padding='valid', activation='relu', kernel_initializer='he_normal',
                         kernel_regularizer=l2(self.weight_decay)))  # expect: WD201
        model.add(MaxPooling2D((2, 2), strides=(2, 2)))
        model.add(Conv2D(16, (5, 5), padding='valid', activation='relu', kernel_initializer='he_normal',
                         kernel_regularizer=l2(self.weight_decay)))  # expect: WD201
        model.add(MaxPooling2D((2, 2), strides=(2, 2)))
        model.add(Flatten())
        model.add(Dense(120, activation='relu', kernel_initializer='he_normal',
                        kernel_regularizer=l2(self.weight_decay)))  # expect: WD201
        model.add(Dense(84, activation='relu', kernel_initializer='he_normal',
                        kernel_regularizer=l2(self.weight_decay)))  # expect: WD201
        model.add(Dense(10, activation='softmax', kernel_initializer='he_normal',
                        kernel_regularizer=l2(self.weight_decay)))  # expect: WD201
        sgd = optimizers.SGD(learning_rate=.1, momentum=0.9, nesterov=True,
                             weight_decay=self.weight_decay)  # expect: WD203
        model.compile(loss='categorical_crossentropy', optimizer=sgd, metrics=['accuracy'])
        return model

    def scheduler(self, epoch):
        if epoch <= 60:
            return 0.05
        if epoch <= 120:
            return 0.01
        if epoch <= 160:
            return 0.002
        return 0.0004

    def train(self):
        (x_train, y_train), (x_test, y_test) = cifar10.load_data()
        y_train = keras.utils.to_categorical(y_train, self.num_classes)
        y_test = keras.utils.to_categorical(y_test, self.num_classes)
        x_train, x_test = self.color_preprocessing(x_train, x_test)
        model = self.build_model()
        checkpoint = ModelCheckpoint(self.model_filename, monitor='val_loss', save_best_only=True)
        change_lr = LearningRateScheduler(self.scheduler)
        model.fit(x_train, y_train, batch_size=self.batch_size, epochs=self.epochs,
                  callbacks=[checkpoint, change_lr], validation_data=(x_test, y_test))
        self._model = model

    def predict(self, img):
        return self._model.predict(np.array([img]))[0]
