# Idiom seen in: AishuaiYao/Keras myNet.py
# What it reproduces: the repo's Nets class (Sequential CNN, kernel_regularizer=regularizers.l2 on a conv layer, compiled
# in the builder); user change: Keras AdamW(weight_decay=...) replaces 'Adam', so that kernel is decayed twice (L2 term
# + decoupled decay) and AdamW also decays every bias/BatchNormalization variable (no exclude_from_weight_decay).
import tensorflow as tf
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv2D, MaxPooling2D, Flatten, Dense, Dropout, BatchNormalization
from tensorflow.keras import regularizers

from dataloader import load_asl


class Nets():
    def __init__(self, n_classes, shape=None, weight_decay=1e-4):
        self.n_classes = n_classes
        self.shape = shape
        self.weight_decay = weight_decay

    def CNN(self):
        model = Sequential()
        model.add(Conv2D(16, (3, 3), activation='relu', input_shape=self.shape))
        model.add(Conv2D(32, (3, 3), activation='relu'))
        model.add(MaxPooling2D(pool_size=(2, 2)))
        model.add(Conv2D(64, (3, 3), activation='relu'))
        model.add(BatchNormalization(axis=3))
        model.add(MaxPooling2D(pool_size=(2, 2)))
        model.add(Conv2D(128, (3, 3), kernel_regularizer=regularizers.l2(0.01), activation='relu'))  # expect: WD201
        model.add(MaxPooling2D(pool_size=(2, 2)))
        model.add(Flatten())
        model.add(Dense(256, activation='relu'))
        model.add(Dropout(0.5))
        model.add(Dense(self.n_classes, activation='softmax'))

        optimizer = tf.keras.optimizers.AdamW(learning_rate=1e-3,
                                              weight_decay=self.weight_decay)  # expect: WD203
        model.compile(loss='categorical_crossentropy', optimizer=optimizer, metrics=['accuracy'])
        return model


if __name__ == '__main__':
    (x_train, y_train), (x_val, y_val) = load_asl('./data/asl', size=64)
    net = Nets(n_classes=29, shape=(64, 64, 3), weight_decay=4e-3)
    model = net.CNN()
    model.fit(x_train, y_train, batch_size=64, epochs=20, validation_data=(x_val, y_val))
    model.save('model/aslCNN.h5')
