# Idiom seen in: repository not resolved by the code index (index file id 49135536072: Keras "crowd counting by learning to rank" train script, main())
# What it reproduces: VGG16 truncated at block5_conv3 wrapped as the nested model 'vgg_partial', counting and
#   ranking heads, then "l2 weight decay" added by setting layer.kernel_regularizer on the layers of the already
#   built train_model (and of the nested VGG) before compile/fit: no regularization loss is ever created (real bug).
import glob
import math
import os

import numpy as np
import tensorflow as tf
from scipy.linalg import block_diag
from tensorflow.python.keras import backend as K
from tensorflow.python.keras import regularizers
from tensorflow.python.keras.applications import VGG16
from tensorflow.python.keras.callbacks import LearningRateScheduler
from tensorflow.python.keras.layers import Input, Conv2D, GlobalAveragePooling2D, Lambda
from tensorflow.python.keras.models import Model
from tensorflow.python.keras.optimizers import SGD

from datagen import DataGenerator

batch_size = 25
iterations = 20000
iterations_per_epoch = int(round((40 * 5) / batch_size))


def create_matrix_for_loss(batch_size):
    block = np.zeros((10, 5))
    for i in range(0, 4):
        block[i][0] = -1
        block[i][i + 1] = 1
    block[4:7, 1:5] = block[0:3, 0:4]
    block[7:9, 2:5] = block[0:2, 0:3]
    block[9:10, 3:5] = block[0:1, 0:2]
    return block_diag(*[block] * int(round(batch_size / 5)))


M = create_matrix_for_loss(batch_size)


def pairwiseRankingHingeLoss(yTrue, yPred):
    differences = K.dot(K.constant(M), yPred)
    return K.sum(K.maximum(differences, K.zeros(shape=(50, 1))))


def euclideanDistanceCountingLoss(yTrue, yPred):
    return K.mean(K.square(yTrue - yPred))


def step_decay(epoch):
    initial_lrate, drop = 1e-6, 0.1
    epochs_drop = int(round((iterations / iterations_per_epoch) / 2))
    return initial_lrate * math.pow(drop, math.floor((1 + epoch) / epochs_drop))


def main():
    counting_dataset = sorted(glob.glob(os.path.join('counting_data_UCF', '*.jpg')))
    ranking_dataset = sorted(glob.glob(os.path.join('ranking_data', '*.jpg')))

    model = VGG16(include_top=False, weights='imagenet')
    transfer_layer = model.get_layer('block5_conv3')
    conv_model = Model(inputs=[model.input], outputs=[transfer_layer.output], name='vgg_partial')

    counting_input = Input(shape=(224, 224, 3), dtype='float32', name='counting_input')
    ranking_input = Input(shape=(224, 224, 3), dtype='float32', name='ranking_input')
    x = conv_model([counting_input, ranking_input])
    counting_output = Conv2D(1, (3, 3), padding='same', activation='relu', name='counting_output')(x)
    # sum pooling as average pooling * 14^2
    ranking_output = Lambda(lambda i: 14.0 * 14.0 * i, name='ranking_output')(
        GlobalAveragePooling2D(name='global_average_pooling2d')(counting_output))
    train_model = Model(inputs=[counting_input, ranking_input], outputs=[counting_output, ranking_output])
    train_model.summary()

    # l2 weight decay
    for layer in train_model.layers:
        if hasattr(layer, 'kernel_regularizer'):
            layer.kernel_regularizer = regularizers.l2(5e-4)  # expect: WD106
        elif layer.name == 'vgg_partial':
            for l in layer.layers:
                if hasattr(l, 'kernel_regularizer'):
                    l.kernel_regularizer = regularizers.l2(5e-4)  # expect: WD106

    optimizer = SGD(lr=0.0, decay=0.0, momentum=0.9, nesterov=False)
    train_model.compile(optimizer=optimizer,
                        loss={'counting_output': euclideanDistanceCountingLoss,
                              'ranking_output': pairwiseRankingHingeLoss},
                        loss_weights=[1.0, 0.0])

    train_generator = DataGenerator(counting_dataset, ranking_dataset, dim=(224, 224), batch_size=batch_size,
                                    n_channels=3, shuffle=True, rank_images=int(round(batch_size / 5)))
    train_model.fit_generator(generator=train_generator, epochs=int(round(iterations / iterations_per_epoch)),
                              callbacks=[LearningRateScheduler(step_decay)])
    train_model.save_weights('train_model.h5')


if __name__ == "__main__":
    main()
