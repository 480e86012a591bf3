# Idiom seen in: BigRiceBall-zz/captcha_breaker captcha_breaker/model.py
# Idiom seen in: BigRiceBall-zz/captcha_breaker captcha_breaker/trainer.py
# What it reproduces: the captcha CNN builder: six Conv2D layers (conv2d_1..conv2d_6) and four softmax
# heads, one per character, built without any regularizer.
from keras.layers import Input, Convolution2D, MaxPooling2D, Flatten, Dropout, Dense
from keras.models import Model

from captcha_breaker import setting


def simple():
    input_tensor = Input((setting.HEIGHT, setting.WIDTH, 1))
    x = input_tensor
    for i in range(3):
        x = Convolution2D(32 * 2 ** i, (3, 3), activation='relu')(x)
        x = Convolution2D(32 * 2 ** i, (3, 3), activation='relu')(x)
        x = MaxPooling2D((2, 2))(x)
    x = Flatten()(x)
    x = Dropout(0.25)(x)
    x = [Dense(setting.CHAR_SET_LEN, activation='softmax', name='c%d' % (i + 1))(x) for i in range(4)]
    return Model(inputs=input_tensor, outputs=x)
