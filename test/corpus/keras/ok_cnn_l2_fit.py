# Idiom seen in: AishuaiYao/Keras myNet.py
# Idiom seen in: AishuaiYao/Keras mnist.py
# What it reproduces: the repo's Nets class: a Sequential CNN with kernel_regularizer=regularizers.l2 on a conv
# layer, compiled with 'Adam' inside the builder and trained with model.fit, which adds model.losses. Clean.
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense, Dropout
from keras import regularizers

from dataloader import load_mnist


class Nets():
    def __init__(self, n_classes, shape=None, fc_size=None):
        self.n_classes = n_classes
        self.shape = shape
        self.fc_size = fc_size

    def CNN(self):
        model = Sequential()
        model.add(Conv2D(16, (3, 3), activation='relu', input_shape=self.shape))
        model.add(Conv2D(32, (3, 3), activation='relu'))
        model.add(MaxPooling2D(pool_size=(2, 2)))
        model.add(Conv2D(64, (3, 3), activation='relu', kernel_regularizer=regularizers.l2(1e-3)))
        model.add(MaxPooling2D(pool_size=(2, 2)))
        model.add(Flatten())
        model.add(Dense(256, activation='relu'))
        model.add(Dropout(0.5))
        model.add(Dense(self.n_classes, activation='softmax'))
        model.compile(loss='categorical_crossentropy', optimizer='Adam', metrics=['accuracy'])
        return model


if __name__ == '__main__':
    (x_train, y_train), (x_test, y_test) = load_mnist()
    model = Nets(10, shape=(28, 28, 1)).CNN()
    model.fit(x_train, y_train, batch_size=128, epochs=12, validation_data=(x_test, y_test))
    model.save('model/mnistCNN.h5')
