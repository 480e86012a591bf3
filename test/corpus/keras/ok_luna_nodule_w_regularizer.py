# Idiom seen in: katyaputintseva/LungCancer Deep_Learning/CNN_v3_nodule_classification/scripts/classification.py
# What it reproduces: LUNA16 nodule / non-nodule 3-D CNN in Keras 1 style: block helpers take regRate (default 0.0) and
#   put W_regularizer=l2(regRate) on Conv3D/Dense, compileModel is called with regRate=1e-3, and the model is trained with
#   compile + fit_generator, which adds the regularization losses itself (clean). sgd(0.01, nesterov=True) has no decay.
import numpy as np
import tensorflow as tf
from sklearn.model_selection import train_test_split
from keras.backend.tensorflow_backend import set_session
from keras.models import Model
from keras.layers import Dense, Dropout, Input, merge
from keras.layers.convolutional import Conv3D
from keras.layers.pooling import MaxPooling3D, AveragePooling3D, GlobalMaxPooling3D
from keras.layers.normalization import BatchNormalization
from keras.layers.advanced_activations import LeakyReLU
from keras.optimizers import sgd
from keras.regularizers import l2
from keras.callbacks import ModelCheckpoint, LearningRateScheduler, EarlyStopping
from keras.utils import to_categorical

config = tf.ConfigProto()
config.gpu_options.per_process_gpu_memory_fraction = 0.3
set_session(tf.Session(config=config))


def convCNNBlock(x, nFilters, regRate=0.0, dropRate=0.0):
    xConv = Conv3D(nFilters, (3, 3, 3), border_mode='same', W_regularizer=l2(regRate),
                   data_format='channels_first')(x)
    xConv = BatchNormalization(axis=1)(xConv)
    xConv = Dropout(dropRate)(xConv)
    xConv = LeakyReLU()(xConv)
    return MaxPooling3D(dim_ordering="th")(xConv)


def denseCNNBlock(x, name, outSize=1, activation='sigmoid', dropRate=0.0, regRate=0.0, neuronNumber=32):
    xDense = Dense(neuronNumber, W_regularizer=l2(regRate))(x)
    xDense = BatchNormalization()(xDense)
    xDense = Dropout(dropRate)(xDense)
    xDense = LeakyReLU()(xDense)
    return Dense(outSize, activation=activation, name=name, W_regularizer=l2(regRate))(xDense)


def learningRateSchedule(epoch):
    if epoch < 2:
        return 1e-2
    if epoch < 5:
        return 1e-3
    if epoch < 10:
        return 5e-4
    return 5e-5


def compileModel(inputShape, dropRate, regRate):
    x = Input(inputShape)
    x1 = convCNNBlock(x, 8, dropRate=dropRate, regRate=regRate)
    x1Pool = AveragePooling3D(dim_ordering="th")(x)
    x1Merged = merge([x1, x1Pool], mode='concat', concat_axis=1)
    x2 = convCNNBlock(x1Merged, 24, dropRate=dropRate, regRate=regRate)
    x2Pool = AveragePooling3D(dim_ordering="th")(x1Pool)
    x2Merged = merge([x2, x2Pool], mode='concat', concat_axis=1)
    x3 = convCNNBlock(x2Merged, 48, dropRate=dropRate, regRate=regRate)
    xMaxPool = GlobalMaxPooling3D()(x3)
    xOut = denseCNNBlock(BatchNormalization()(xMaxPool), name='Nodule', outSize=2, activation='softmax',
                         dropRate=dropRate, regRate=regRate)
    model = Model(input=x, output=xOut)
    model.compile(optimizer=sgd(0.01, nesterov=True), loss='categorical_crossentropy',
                  metrics=['categorical_accuracy'])
    return model


def batchGeneratorClass(xPos, xNeg, batchSize, posFraction=0.5):
    while True:
        pSize = int(posFraction * batchSize)
        nSize = batchSize - pSize
        pInds = np.random.choice(range(xPos.shape[0]), size=pSize, replace=False)
        nInds = np.random.choice(range(xNeg.shape[0]), size=nSize, replace=False)
        xBatch = np.expand_dims(np.concatenate([xPos[pInds], xNeg[nInds]], axis=0), 1)
        yBatch = to_categorical(np.concatenate([np.ones(pSize), np.zeros(nSize)]))
        yield xBatch, yBatch


def loadCategoryClass(category):
    return np.concatenate([np.load('data/voxels_%s64/subset%dX%s.npy' % (category, s, category))
                           for s in range(10)], axis=0)


model = compileModel((1, 64, 64, 64), regRate=1e-3, dropRate=0.2)
xPos, xNeg = loadCategoryClass('true'), loadCategoryClass('random')
xPosTrain, xPosValid = train_test_split(xPos, test_size=0.2)
xNegTrain, xNegValid = train_test_split(xNeg, test_size=0.2)
callbacks = [ModelCheckpoint(filepath='model_and_weights/LUNA_model_v3_class.h5'),
             LearningRateScheduler(learningRateSchedule),
             EarlyStopping(monitor='val_loss', min_delta=1e-3, patience=5)]
hist = model.fit_generator(batchGeneratorClass(xPosTrain, xNegTrain, 50),
                           validation_data=batchGeneratorClass(xPosValid, xNegValid, 50),
                           validation_steps=10, steps_per_epoch=100, nb_epoch=30, callbacks=callbacks)
model.save_weights('model_and_weights/LUNA_model_v3_weights_class.h5')
