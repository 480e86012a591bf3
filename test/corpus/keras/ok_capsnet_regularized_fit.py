# Idiom seen in: MuAuan/capsNet capsNet_Gen_alt.py
# What it reproduces: Keras CapsNet with a decoder whose Dense layers carry kernel_regularizer=regularizers.l2,
#   margin loss + l1 reconstruction loss with loss_weights, trained with compile + fit: Keras adds the
#   regularization losses itself (clean).
import numpy as np
from keras import layers, models, optimizers, regularizers
from keras import backend as K
from keras.utils import to_categorical
from keras.datasets import cifar10

from capsulelayers import CapsuleLayer, PrimaryCap, Length, Mask

L2_DECAY = 1e-4


def l1_loss(y_true, y_pred):
    return K.sum(K.abs(y_pred - y_true), axis=-1)


def margin_loss(y_true, y_pred):
    L = y_true * K.square(K.maximum(0., 0.9 - y_pred)) + \
        0.5 * (1 - y_true) * K.square(K.maximum(0., y_pred - 0.1))
    return K.mean(K.sum(L, 1))


def CapsNet(input_shape, n_class, routings):
    x = layers.Input(shape=input_shape)
    conv1 = layers.Conv2D(256, 9, strides=1, padding='valid', activation='relu',
                          kernel_regularizer=regularizers.l2(L2_DECAY), name='conv1')(x)
    primarycaps = PrimaryCap(conv1, dim_capsule=8, n_channels=32, kernel_size=9, strides=2, padding='valid')
    digitcaps = CapsuleLayer(num_capsule=n_class, dim_capsule=16, routings=routings, name='digitcaps')(primarycaps)
    out_caps = Length(name='out_caps')(digitcaps)

    y = layers.Input(shape=(n_class,))
    masked = Mask()([digitcaps, y])
    decoder = models.Sequential(name='out_recon')
    decoder.add(layers.Dense(512, activation='relu', input_dim=16 * n_class,
                             kernel_regularizer=regularizers.l2(L2_DECAY)))
    decoder.add(layers.Dense(1024, activation='relu', kernel_regularizer=regularizers.l2(L2_DECAY)))
    decoder.add(layers.Dense(int(np.prod(input_shape)), activation='sigmoid'))
    decoder.add(layers.Reshape(target_shape=input_shape))
    return models.Model([x, y], [out_caps, decoder(masked)])


(x_train, y_train), (x_test, y_test) = cifar10.load_data()
x_train = x_train.astype('float32') / 255.
x_test = x_test.astype('float32') / 255.
y_train, y_test = to_categorical(y_train, 10), to_categorical(y_test, 10)

model = CapsNet(input_shape=x_train.shape[1:], n_class=10, routings=3)
model.compile(optimizer=optimizers.Adam(lr=0.001),
              loss=[margin_loss, l1_loss],
              loss_weights=[1., 0.0005],
              metrics={'out_caps': 'accuracy'})
history = model.fit([x_train, y_train], [y_train, x_train], batch_size=64, epochs=20,
                    validation_data=[[x_test, y_test], [y_test, x_test]])
model.save_weights('capsnet_cifar10.h5')
