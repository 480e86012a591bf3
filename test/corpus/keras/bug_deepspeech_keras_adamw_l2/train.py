# Idiom seen in: rolczynski/DeepSpeech-Keras examples/deepspeech_train.py
# What it reproduces: the example training script (alphabet, feature extractor, CTC loss, compile/fit) with the
# optimizer swapped for Keras' AdamW(weight_decay=1e-2): AdamW decays all variables (biases and the LSTM too, no
# exclude_from_weight_decay), on top of the l2 kernel_regularizers of deepspeech.py.
import argparse

import tensorflow as tf
from tensorflow import keras

import automatic_speech_recognition as asr
from deepspeech import get_deepspeech

parser = argparse.ArgumentParser()
parser.add_argument('--train_csv', default='data/libri_train.csv')
parser.add_argument('--dev_csv', default='data/libri_dev.csv')
parser.add_argument('--epochs', type=int, default=25)
parser.add_argument('--batch_size', type=int, default=32)
parser.add_argument('--lr', type=float, default=1e-4)
args = parser.parse_args()


def ctc_loss(labels, y_pred):
    label_len = tf.reduce_sum(tf.cast(labels != 0, tf.int32), axis=1)
    logit_len = tf.fill([tf.shape(y_pred)[0]], tf.shape(y_pred)[1])
    return tf.reduce_mean(tf.nn.ctc_loss(labels, tf.math.log(y_pred + 1e-8), label_len, logit_len,
                                         logits_time_major=False, blank_index=-1))


def main():
    alphabet = asr.text.Alphabet(lang='en')
    features_extractor = asr.features.FilterBanks(features_num=160, winlen=0.02, winstep=0.01, winfunc='hamming')
    train_ds = asr.dataset.Audio.from_csv(args.train_csv, batch_size=args.batch_size)
    dev_ds = asr.dataset.Audio.from_csv(args.dev_csv, batch_size=args.batch_size)

    model = get_deepspeech(input_dim=160, output_dim=29, l2=5e-4)
    optimizer = keras.optimizers.AdamW(learning_rate=args.lr,
                                       weight_decay=1e-2,  # expect: WD203
                                       beta_1=0.9, beta_2=0.999)
    model.compile(optimizer=optimizer, loss=ctc_loss)

    train_gen = asr.pipeline.DataGenerator(train_ds, alphabet, features_extractor)
    dev_gen = asr.pipeline.DataGenerator(dev_ds, alphabet, features_extractor)
    model.fit(train_gen, validation_data=dev_gen, epochs=args.epochs,
              callbacks=[keras.callbacks.ModelCheckpoint('./checkpoint/deepspeech.h5', save_best_only=True)])


if __name__ == '__main__':
    main()
