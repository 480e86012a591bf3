# Idiom seen in: titu1994/Wide-Residual-Networks cifar10_wrn_28_8.py
# What it reproduces: the CIFAR-10 driver builds WRN-28-8 through the module's factory, compiles with SGD +
#   Nesterov momentum (no optimizer weight decay) and trains with fit_generator; the paper's 5e-4 decay is only
#   mentioned in a comment, the factory's weight_decay argument is left at its default.
# label-note: the WD303 label sits in wide_residual_network.py; nothing else to label (no optimizer decay).
import keras.callbacks as callbacks
import keras.utils.np_utils as kutils
from keras.datasets import cifar10
from keras.layers import Input
from keras.models import Model
from keras.optimizers import SGD
from keras.preprocessing.image import ImageDataGenerator

import wide_residual_network as wrn

batch_size = 64
nb_epoch = 200
img_rows, img_cols = 32, 32

(trainX, trainY), (testX, testY) = cifar10.load_data()
trainX = trainX.astype('float32') / 255.0
testX = testX.astype('float32') / 255.0
trainY = kutils.to_categorical(trainY)
testY = kutils.to_categorical(testY)

generator = ImageDataGenerator(width_shift_range=5. / 32, height_shift_range=5. / 32, horizontal_flip=True)
generator.fit(trainX, seed=0, augment=True)

init = Input(shape=(img_rows, img_cols, 3))

# For WRN-28-8 put N = 4, k = 8 (paper: SGD, Nesterov 0.9, weight decay 5e-4, dropout 0.3)
wrn_28_8 = wrn.create_wide_residual_network(init, nb_classes=10, N=4, k=8, dropout=0.3)

model = Model(inputs=init, outputs=wrn_28_8)
model.summary()

sgd = SGD(lr=0.1, momentum=0.9, nesterov=True)
model.compile(loss="categorical_crossentropy", optimizer=sgd, metrics=["acc"])


def schedule(epoch):
    return 0.1 * (0.2 ** sum(epoch >= e for e in (60, 120, 160)))


model.fit_generator(generator.flow(trainX, trainY, batch_size=batch_size),
                    steps_per_epoch=len(trainX) // batch_size, epochs=nb_epoch,
                    callbacks=[callbacks.ModelCheckpoint("weights/WRN-28-8 Weights.h5", monitor="val_acc",
                                                         save_best_only=True),
                               callbacks.LearningRateScheduler(schedule)],
                    validation_data=(testX, testY))
