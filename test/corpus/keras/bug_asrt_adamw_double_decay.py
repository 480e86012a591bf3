# Idiom seen in: nl8590687/ASRT_SpeechRecognition model_zoo/speech_model/keras_backend.py
# Idiom seen in: nl8590687/ASRT_SpeechRecognition speech_model.py
# What it reproduces: the ASRT CTC acoustic model with l2 kernel regularizers, moved by the user to
#   Keras AdamW(weight_decay=...) while keeping the regularizers: the same kernels are decayed twice
#   (regularizer through fit's loss and the optimizer's own decay), and AdamW also decays every bias and
#   BatchNorm gamma/beta since nothing is excluded (realistic user mistake).
import tensorflow as tf
from tensorflow.keras.models import Model
from tensorflow.keras.layers import Dense, Dropout, Input, Reshape, BatchNormalization
from tensorflow.keras.layers import Lambda, Activation, Conv2D, MaxPooling2D
from tensorflow.keras.regularizers import l2
from tensorflow.keras import backend as K
from data_loader import DataLoader
from speech_features import Spectrogram

L2_REG = 5e-5
AUDIO_LENGTH, AUDIO_FEATURE_LENGTH, OUTPUT_SIZE = 1600, 200, 1428


def conv_bn(x, filters):
    x = Conv2D(filters, (3, 3), padding='same', kernel_initializer='he_normal', kernel_regularizer=l2(L2_REG))(x)  # expect: WD201
    x = BatchNormalization(epsilon=0.0002)(x)
    return Activation('relu')(x)


def ctc_lambda_func(args):
    y_pred, labels, input_length, label_length = args
    return K.ctc_batch_cost(labels, y_pred, input_length, label_length)


def build_model():
    input_data = Input(name='the_input', shape=(AUDIO_LENGTH, AUDIO_FEATURE_LENGTH, 1))
    x = input_data
    for filters in (32, 64, 128):
        x = conv_bn(x, filters)
        x = conv_bn(x, filters)
        x = MaxPooling2D(pool_size=2)(x)
    x = Reshape((AUDIO_LENGTH // 8, AUDIO_FEATURE_LENGTH // 8 * 128))(x)
    x = Dense(128, activation='relu', kernel_initializer='he_normal', kernel_regularizer=l2(L2_REG))(x)  # expect: WD201
    x = Dropout(0.2)(x)
    y_pred = Dense(OUTPUT_SIZE, activation='softmax', kernel_initializer='he_normal')(x)
    model_base = Model(inputs=input_data, outputs=y_pred)

    labels = Input(name='the_labels', shape=[64], dtype='float32')
    input_length = Input(name='input_length', shape=[1], dtype='int64')
    label_length = Input(name='label_length', shape=[1], dtype='int64')
    loss_out = Lambda(ctc_lambda_func, output_shape=(1,), name='ctc')([y_pred, labels, input_length, label_length])
    model = Model(inputs=[input_data, labels, input_length, label_length], outputs=loss_out)
    return model, model_base


if __name__ == '__main__':
    model, model_base = build_model()
    optimizer = tf.keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=1e-4, beta_1=0.9, beta_2=0.999)  # expect: WD203
    model.compile(loss={'ctc': lambda y_true, y_pred: y_pred}, optimizer=optimizer)
    train_data = DataLoader('train')
    gen = train_data.generator(Spectrogram(), 16, AUDIO_LENGTH, (AUDIO_LENGTH // 8, OUTPUT_SIZE))
    model.fit(gen, epochs=50, steps_per_epoch=train_data.get_data_count() // 16)
    model_base.save_weights('save_models/SpeechModel_adamw.base.h5')
