# Idiom seen in: peerdavid/capsule-network main.py
# Idiom seen in: peerdavid/capsule-network capsule_layers.py
# What it reproduces: the CapsNet of the repo (conv1 + PrimaryCaps + DigitCaps + masked decoder) given L2
#   kernel_regularizers and moved from model.fit_generator to a tf.GradientTape loop; the loop loss is
#   margin + scaled reconstruction only, model.losses is left out, so the regularizers do nothing.
import numpy as np
from tensorflow.keras import layers, models, regularizers

from capsule_layers import PrimaryCaps, DigitCaps, Length, Mask


def create_capsnet(input_shape, n_class, num_routing, weight_decay):
    x = layers.Input(shape=input_shape)
    conv1 = layers.Conv2D(filters=256, kernel_size=9, strides=1, padding='valid', activation='relu',
                          kernel_regularizer=regularizers.l2(weight_decay),  # expect: WD103
                          name='conv1')(x)
    primary_caps = PrimaryCaps(dim_capsule=8, channels=32, kernel_size=9, strides=2, name='primary_caps')(conv1)
    digit_caps = DigitCaps(num_capsule=n_class, dim_vector=16, num_routing=num_routing)(primary_caps)
    out_caps = Length(name='capsnet')(digit_caps)

    y = layers.Input(shape=(n_class,))
    masked_by_y = Mask()([digit_caps, y])
    decoder = models.Sequential(name='decoder')
    decoder.add(layers.Dense(512, activation='relu', input_dim=16 * n_class,
                             kernel_regularizer=regularizers.l2(weight_decay)))  # expect: WD103
    decoder.add(layers.Dense(1024, activation='relu',
                             kernel_regularizer=regularizers.l2(weight_decay)))  # expect: WD103
    decoder.add(layers.Dense(int(np.prod(input_shape)), activation='sigmoid'))
    decoder.add(layers.Reshape(target_shape=input_shape, name='decoder_output'))

    return models.Model([x, y], [out_caps, decoder(masked_by_y)])
