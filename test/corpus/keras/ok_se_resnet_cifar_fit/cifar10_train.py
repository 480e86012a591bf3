# Idiom seen in: titu1994/keras-squeeze-excite-network se_resnet.py
# What it reproduces: the usual CIFAR-10 script for these Keras model files: SGD with momentum,
#   ImageDataGenerator and fit_generator; Keras adds the l2 terms to the compiled loss (clean).
import numpy as np
from keras.datasets import cifar10
from keras.optimizers import SGD
from keras.preprocessing.image import ImageDataGenerator
from keras.callbacks import ModelCheckpoint, LearningRateScheduler
from keras.utils import np_utils

from se_resnet import SEResNet18

batch_size = 128
nb_classes = 10
nb_epoch = 200
weight_decay = 5e-4

(trainX, trainY), (testX, testY) = cifar10.load_data()
trainX = trainX.astype('float32') / 255.
testX = testX.astype('float32') / 255.
Y_train = np_utils.to_categorical(trainY, nb_classes)
Y_test = np_utils.to_categorical(testY, nb_classes)

model = SEResNet18(input_shape=(32, 32, 3), weight_decay=weight_decay, classes=nb_classes)


def schedule(epoch):
    if epoch < 60:
        return 0.1
    elif epoch < 120:
        return 0.02
    elif epoch < 160:
        return 0.004
    return 0.0008


model.compile(loss='categorical_crossentropy', optimizer=SGD(lr=0.1, momentum=0.9, nesterov=True),
              metrics=['accuracy'])

generator = ImageDataGenerator(width_shift_range=4. / 32, height_shift_range=4. / 32, horizontal_flip=True)
generator.fit(trainX, seed=0)

model.fit_generator(generator.flow(trainX, Y_train, batch_size=batch_size),
                    steps_per_epoch=len(trainX) // batch_size, epochs=nb_epoch,
                    callbacks=[ModelCheckpoint('weights/SE-ResNet18.h5', monitor='val_acc', save_best_only=True,
                                               save_weights_only=True),
                               LearningRateScheduler(schedule)],
                    validation_data=(testX, Y_test))

scores = model.evaluate(testX, Y_test, batch_size=batch_size)
print("Accuracy = %f" % (100 * scores[1]))
