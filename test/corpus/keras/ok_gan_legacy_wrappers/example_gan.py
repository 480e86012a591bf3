# Idiom seen in: cyrsis/TensorflowPY36CPU _7_Keras/GAN/example_gan_cifar10.py
# What it reproduces: DCGAN generator/discriminator built through the legacy wrappers with
# reg = lambda: l1l2(l1=1e-7, l2=1e-7); both the discriminator and the stacked GAN are compiled and trained with
# train_on_batch, so each model's regularization losses are part of what Keras minimizes: clean.
import numpy as np
from keras.layers import Activation, Flatten, LeakyReLU, Reshape, UpSampling2D, MaxPooling2D
from keras.models import Sequential
from keras.optimizers import Adam

from legacy import Dense, BatchNormalization, Convolution2D, l1l2
from cifar10_utils import cifar10_data

LATENT_DIM = 100


def model_generator():
    nch = 256
    reg = lambda: l1l2(l1=1e-7, l2=1e-7)
    model = Sequential()
    model.add(Dense(nch * 4 * 4, input_dim=LATENT_DIM, W_regularizer=reg()))
    model.add(BatchNormalization())
    model.add(Reshape((4, 4, nch)))
    for filters in (nch // 2, nch // 2, nch // 4):
        model.add(Convolution2D(filters, 5, 5, W_regularizer=reg()))
        model.add(BatchNormalization())
        model.add(LeakyReLU(0.2))
        model.add(UpSampling2D(size=(2, 2)))
    model.add(Convolution2D(3, 5, 5, W_regularizer=reg()))
    model.add(Activation('sigmoid'))
    return model


def model_discriminator():
    nch = 256
    reg = lambda: l1l2(l1=1e-7, l2=1e-7)
    model = Sequential()
    model.add(Convolution2D(nch // 4, 5, 5, W_regularizer=reg(), input_shape=(32, 32, 3)))
    model.add(MaxPooling2D(pool_size=(2, 2)))
    model.add(LeakyReLU(0.2))
    model.add(Convolution2D(nch // 2, 5, 5, W_regularizer=reg()))
    model.add(MaxPooling2D(pool_size=(2, 2)))
    model.add(LeakyReLU(0.2))
    model.add(Flatten())
    model.add(Dense(1, W_regularizer=reg()))
    model.add(Activation('sigmoid'))
    return model


def main(epochs=100, batch_size=32):
    generator, discriminator = model_generator(), model_discriminator()
    discriminator.compile(optimizer=Adam(1e-3, decay=1e-5), loss='binary_crossentropy')
    discriminator.trainable = False
    gan = Sequential([generator, discriminator])
    gan.compile(optimizer=Adam(1e-4, decay=1e-5), loss='binary_crossentropy')

    xtrain, _ = cifar10_data()
    steps = xtrain.shape[0] // batch_size
    for epoch in range(epochs):
        for i in range(steps):
            z = np.random.normal(size=(batch_size, LATENT_DIM))
            real = xtrain[i * batch_size:(i + 1) * batch_size]
            fake = generator.predict(z)
            d_loss = discriminator.train_on_batch(np.concatenate([real, fake]),
                                                  np.concatenate([np.ones(batch_size), np.zeros(batch_size)]))
            g_loss = gan.train_on_batch(z, np.ones(batch_size))
        print(epoch, d_loss, g_loss)


if __name__ == '__main__':
    main()
