# Idiom seen in: Yuki-Wada/text_embedding mltools/optimizer/utils.py (the Keras 2 era get_keras_optimizer)
# What it reproduces: Keras 2 (keras<2.11 / tf.keras<2.11) optimizers built from a params dict whose 'decay'
#   entry is Keras 2's inverse-time LEARNING-RATE decay (lr / (1 + decay * iterations)), not weight decay;
#   the weight decay of this program is the l2 kernel regularizer on every conv/dense layer, applied by fit().
# label-note: clean. `decay=` is not weight_decay (no WD202 on the Adam branch, which is not even selected);
#   the regularizers reach the loss through compile()+fit(); SGD has no weight decay of its own.
from typing import Dict

from keras import layers, models, optimizers, regularizers
from keras.callbacks import LearningRateScheduler

from mltools.dataset.cifar10 import load_cifar10_arrays  # not part of this workspace


class LearningRateCalculator:
    def __init__(self, lr):
        self.lr = lr

    def __call__(self, epoch):
        curr_lr = self.lr
        if epoch >= 150:
            curr_lr *= 0.1
        if epoch >= 225:
            curr_lr *= 0.1
        return curr_lr


def get_keras_optimizer(optimizer_params: Dict):
    if optimizer_params['optim'] == 'sgd':
        return optimizers.SGD(lr=optimizer_params['lr'], decay=optimizer_params['decay'],
                              momentum=optimizer_params['momentum'], nesterov=optimizer_params['nesterov'])
    if optimizer_params['optim'] == 'adam':
        return optimizers.Adam(lr=optimizer_params['lr'], decay=optimizer_params['decay'])
    raise ValueError('The optimizer {} is not supported.'.format(optimizer_params['optim']))


def vgg_like(num_classes=10, l2=5e-4):
    reg = regularizers.l2(l2)
    model = models.Sequential()
    model.add(layers.InputLayer(input_shape=(32, 32, 3)))
    for filters in (64, 128, 256):
        for _ in range(2):
            model.add(layers.Conv2D(filters, 3, padding='same', kernel_regularizer=reg))
            model.add(layers.BatchNormalization())
            model.add(layers.Activation('relu'))
        model.add(layers.MaxPooling2D())
    model.add(layers.Flatten())
    model.add(layers.Dense(512, activation='relu', kernel_regularizer=reg))
    model.add(layers.Dense(num_classes, activation='softmax', kernel_regularizer=reg))
    return model


if __name__ == '__main__':
    (x_train, y_train), (x_test, y_test) = load_cifar10_arrays()
    optimizer_params = {'optim': 'sgd', 'lr': 0.1, 'decay': 1e-6, 'momentum': 0.9, 'nesterov': True}
    model = vgg_like()
    model.compile(optimizer=get_keras_optimizer(optimizer_params), loss='categorical_crossentropy',
                  metrics=['accuracy'])
    model.fit(x_train, y_train, batch_size=128, epochs=300, validation_data=(x_test, y_test),
              callbacks=[LearningRateScheduler(LearningRateCalculator(optimizer_params['lr']))])
