# Idiom seen in: nl8590687/ASRT_SpeechRecognition train_speech_model.py
# Idiom seen in: nl8590687/ASRT_SpeechRecognition speech_model.py
# What it reproduces: ASRT's training entry: data generator and feature extractor from modules the
#   program does not hold, model.compile with the CTC identity loss and fit; fit adds the l2 terms. Clean.
import os
import tensorflow as tf
from tensorflow.keras.optimizers import Adam
from speech_features import Spectrogram
from data_loader import DataLoader
from speech_model import SpeechModel251BN

os.environ["CUDA_VISIBLE_DEVICES"] = "0"
AUDIO_LENGTH = 1600
AUDIO_FEATURE_LENGTH = 200
CHANNELS = 1
OUTPUT_SIZE = 1428


def train(epochs=50, batch_size=16, save_step=1):
    sm = SpeechModel251BN(input_shape=(AUDIO_LENGTH, AUDIO_FEATURE_LENGTH, CHANNELS), output_size=OUTPUT_SIZE)
    model, model_base = sm.get_model()
    feat = Spectrogram()
    train_data = DataLoader('train')
    optimizer = Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=10e-8)
    model.compile(loss={'ctc': lambda y_true, y_pred: y_pred}, optimizer=optimizer)

    data_gen = train_data.generator(feat, batch_size, AUDIO_LENGTH, sm.output_shape)
    num_data = train_data.get_data_count()
    for epoch in range(epochs):
        model.fit(data_gen, epochs=1, steps_per_epoch=num_data // batch_size)
        if (epoch + 1) % save_step == 0:
            model_base.save_weights('save_models/' + sm._model_name + '_epoch' + str(epoch + 1) + '.model.base.h5')


if __name__ == '__main__':
    train()
