# Idiom seen in: nl8590687/ASRT_SpeechRecognition model_zoo/speech_model/keras_backend.py
# Idiom seen in: nl8590687/ASRT_SpeechRecognition speech_model.py
# What it reproduces: the ASRT CTC acoustic model without layer regularizers, trained with Keras AdamW whose
#   decoupled weight_decay is kept off biases and BatchNorm gamma/beta by one
#   exclude_from_weight_decay(var_names=[...]) call; compile/fit. Clean.
import tensorflow as tf
from tensorflow.keras.models import Model
from tensorflow.keras.layers import Dense, Input, Reshape, BatchNormalization, Lambda, Activation, Conv2D, MaxPooling2D
from tensorflow.keras import backend as K
from data_loader import DataLoader
from speech_features import SpecAugment

AUDIO_LENGTH, AUDIO_FEATURE_LENGTH, OUTPUT_SIZE = 1600, 200, 1428


def ctc_lambda_func(args):
    y_pred, labels, input_length, label_length = args
    return K.ctc_batch_cost(labels, y_pred, input_length, label_length)


def build():
    input_data = Input(name='the_input', shape=(AUDIO_LENGTH, AUDIO_FEATURE_LENGTH, 1))
    x = input_data
    for filters in (32, 64, 128):
        for _ in range(2):
            x = Conv2D(filters, (3, 3), padding='same', kernel_initializer='he_normal')(x)
            x = BatchNormalization(epsilon=0.0002)(x)
            x = Activation('relu')(x)
        x = MaxPooling2D(pool_size=2)(x)
    x = Reshape((AUDIO_LENGTH // 8, AUDIO_FEATURE_LENGTH // 8 * 128))(x)
    x = Dense(128, activation='relu', kernel_initializer='he_normal')(x)
    y_pred = Dense(OUTPUT_SIZE, activation='softmax', kernel_initializer='he_normal')(x)
    base = Model(input_data, y_pred)
    labels = Input(name='the_labels', shape=[64], dtype='float32')
    input_length = Input(name='input_length', shape=[1], dtype='int64')
    label_length = Input(name='label_length', shape=[1], dtype='int64')
    loss_out = Lambda(ctc_lambda_func, output_shape=(1,), name='ctc')([y_pred, labels, input_length, label_length])
    return Model([input_data, labels, input_length, label_length], loss_out), base


if __name__ == '__main__':
    model, base = build()
    optimizer = tf.keras.optimizers.AdamW(learning_rate=3e-4, weight_decay=0.01)
    optimizer.exclude_from_weight_decay(var_names=['bias', 'gamma', 'beta'])
    model.compile(loss={'ctc': lambda y_true, y_pred: y_pred}, optimizer=optimizer)
    loader = DataLoader('train')
    gen = loader.generator(SpecAugment(), 16, AUDIO_LENGTH, (AUDIO_LENGTH // 8, OUTPUT_SIZE))
    model.fit(gen, epochs=60, steps_per_epoch=loader.get_data_count() // 16)
    base.save_weights('save_models/speech_adamw.base.h5')
