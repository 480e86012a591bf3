# Idiom seen in: BigRiceBall-zz/captcha_breaker captcha_breaker/trainer.py
# Idiom seen in: BigRiceBall-zz/captcha_breaker captcha_breaker/model.py
# What it reproduces: the repository's "add L2 to a trained model" step: load_model(...) then
# model.get_layer('conv2d_N').kernel_regularizer = regularizers.l2(0.01) (and bias_regularizer) on the
# already-built layers, then compile and keep training: no regularization loss is ever created.
import time

from keras import regularizers
from keras.models import load_model

import model as model_builder
from captcha_breaker import image_generactor

CONV_LAYERS = ['conv2d_%d' % i for i in range(1, 7)]


def train(batch_size=32, nb_type=3):
    now = str(int(time.time()))
    model = model_builder.simple()
    model.compile(loss='categorical_crossentropy', optimizer='adadelta', metrics=['accuracy'])
    model.fit_generator(image_generactor.generator_4_multiple_types(batch_size=batch_size, nb_type=nb_type),
                        steps_per_epoch=320, epochs=5,
                        validation_data=image_generactor.generator_4_multiple_types(batch_size=batch_size,
                                                                                    nb_type=nb_type),
                        validation_steps=40)
    model.save("models/model_" + now + ".h5")
    return "models/model_" + now + ".h5"


def continue_train_with_l2(path, batch_size=32, nb_type=5):
    now = str(int(time.time()))
    model = load_model(path)
    for name in CONV_LAYERS:
        layer = model.get_layer(name)
        layer.kernel_regularizer = regularizers.l2(0.01)  # expect: WD106
        layer.bias_regularizer = regularizers.l2(0.01)  # expect: WD106
    model.compile(loss='categorical_crossentropy', optimizer='adadelta', metrics=['accuracy'])
    model.fit_generator(image_generactor.generator_4_multiple_types(batch_size=batch_size, nb_type=nb_type),
                        steps_per_epoch=256, epochs=1,
                        validation_data=image_generactor.generator_4_multiple_types(batch_size=batch_size,
                                                                                    nb_type=nb_type),
                        validation_steps=40)
    model.save("models/model_" + now + "_l2.h5")


if __name__ == '__main__':
    continue_train_with_l2(train())
