# Idiom seen in: hunkim/DeepLearningZeroToAll keras/klab-11-X-cnn_cifar100_with_img_preprocess_and augumentation.py
# What it reproduces: the lab's CIFAR-100 Keras CNN (Sequential with input_shape, so built on construction)
#   imports keras.regularizers but never uses them; a user adds "L2 on every layer" by setting
#   layer.kernel_regularizer after the model exists, which creates no loss (WD106); fit trains without decay.
import numpy as np
from keras.datasets import cifar100
from keras.models import Sequential
from keras.layers import Conv2D, MaxPool2D, BatchNormalization, Flatten, Dense, Dropout
from keras.utils import to_categorical
from keras.callbacks import EarlyStopping, LearningRateScheduler
from keras import regularizers, optimizers
from keras.preprocessing.image import ImageDataGenerator


def lr_schedule(epoch):
    lrate = 0.001
    if epoch < 2:
        lrate = 0.005
    if epoch > 5:
        lrate = 0.0001
    return lrate


(x_train, y_train), (x_test, y_test) = cifar100.load_data()
y_train = to_categorical(y_train)
y_test = to_categorical(y_test)

datagen = ImageDataGenerator(rotation_range=30, width_shift_range=0.1, height_shift_range=0.1,
                             horizontal_flip=True)
datagen.fit(x_train)

model = Sequential()
model.add(Conv2D(32, (2, 2), padding='same', input_shape=(32, 32, 3), activation='elu'))
model.add(MaxPool2D(2, 2))
model.add(Conv2D(64, (2, 2), padding='same', activation='elu'))
model.add(BatchNormalization())
model.add(MaxPool2D(2, 2))
model.add(Flatten())
model.add(Dense(128, activation='relu'))
model.add(Dropout(0.5))
model.add(Dense(100, activation='softmax'))

# add weight decay to every conv/dense layer
weight_decay = 1e-4
for layer in model.layers:
    if hasattr(layer, 'kernel_regularizer'):
        layer.kernel_regularizer = regularizers.l2(weight_decay)  # expect: WD106

model.compile(loss='categorical_crossentropy',
              optimizer=optimizers.RMSprop(learning_rate=0.001, decay=0.00005), metrics=['accuracy'])
print(model.summary())

callbacks = [EarlyStopping(monitor='val_loss', patience=1, mode='min', verbose=1),
             LearningRateScheduler(lr_schedule)]
model.fit(datagen.flow(x_train, y_train, batch_size=64), epochs=10,
          validation_data=(x_test, y_test), verbose=1, callbacks=callbacks)
res_acc = model.evaluate(x_test, y_test)
print(res_acc)
