# Idiom seen in: SeisBlue/SeisBlue seisblue/model/generator.py
# Idiom seen in: SeisBlue/SeisBlue seisblue/model/trainer.py
# What it reproduces: seismic phase picking with a UNet++ (nest_net) whose _standard_unit Conv2Ds carry
#   kernel_regularizer=l2(1e-4); GeneratorTrainer compiles the model but trains it in its own @tf.function train_step,
#   where tape.gradient sees only BinaryCrossentropy(label, pred), never model.losses (real bug).
import tensorflow as tf
from tensorflow.keras.layers import concatenate, Conv2D, Conv2DTranspose, Dropout, Input, MaxPooling2D
from tensorflow.keras.regularizers import l2


def _standard_unit(input_tensor, stage, nb_filter, kernel_size):
    dropout_rate = 0.1
    act = "relu"
    x = Conv2D(nb_filter, kernel_size,
               activation=act, padding='same',
               kernel_initializer='he_normal',
               kernel_regularizer=l2(1e-4),  # expect: WD103
               name='conv' + stage + '_1')(input_tensor)
    x = Dropout(dropout_rate, name='dp' + stage + '_1')(x)
    x = Conv2D(nb_filter, kernel_size,
               activation=act, padding='same',
               kernel_initializer='he_normal',
               kernel_regularizer=l2(1e-4),  # expect: WD103
               name='conv' + stage + '_2')(x)
    x = Dropout(dropout_rate, name='dp' + stage + '_2')(x)
    return x


def nest_net(img_rows=None, img_cols=None, color_type=1, num_class=3):
    nb_filter = [8, 16, 32, 64]
    pool_size = (1, 2)
    kernel_size = (1, 7)
    img_input = Input(shape=(img_rows, img_cols, color_type), name='main_input')

    conv1_1 = _standard_unit(img_input, stage='11', nb_filter=nb_filter[0], kernel_size=kernel_size)
    pool1 = MaxPooling2D(pool_size=pool_size, name='pool1')(conv1_1)
    conv2_1 = _standard_unit(pool1, stage='21', nb_filter=nb_filter[1], kernel_size=kernel_size)
    pool2 = MaxPooling2D(pool_size=pool_size, name='pool2')(conv2_1)

    up1_2 = Conv2DTranspose(nb_filter[0], kernel_size, strides=pool_size, padding='same', name='up12')(conv2_1)
    conv1_2 = _standard_unit(concatenate([up1_2, conv1_1], axis=3, name='merge12'), stage='12',
                             nb_filter=nb_filter[0], kernel_size=kernel_size)
    conv3_1 = _standard_unit(pool2, stage='31', nb_filter=nb_filter[2], kernel_size=kernel_size)

    up2_2 = Conv2DTranspose(nb_filter[1], kernel_size, strides=pool_size, padding='same', name='up22')(conv3_1)
    conv2_2 = _standard_unit(concatenate([up2_2, conv2_1], axis=3, name='merge22'), stage='22',
                             nb_filter=nb_filter[1], kernel_size=kernel_size)
    up1_3 = Conv2DTranspose(nb_filter[0], kernel_size, strides=pool_size, padding='same', name='up13')(conv2_2)
    conv1_3 = _standard_unit(concatenate([up1_3, conv1_1, conv1_2], axis=3, name='merge13'), stage='13',
                             nb_filter=nb_filter[0], kernel_size=kernel_size)

    nestnet_output = Conv2D(num_class, (1, 1), activation='sigmoid', name='output',
                            kernel_initializer='he_normal', padding='same')(conv1_3)
    return tf.keras.Model(inputs=img_input, outputs=nestnet_output)
