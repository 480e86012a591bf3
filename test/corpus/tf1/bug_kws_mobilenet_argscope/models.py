# Idiom seen in: ace19-dev/tensorflow-speech-recognition-challenge simple_audio_recognition/models.py
# What it reproduces: the speech_commands-style model factory, extended with a 'mobilenet' architecture
#   that builds the network inside slim.arg_scope(mobilenet_arg_scope(weight_decay=...)).
import math

import tensorflow as tf
import tensorflow.contrib.slim as slim

import mobilenet


def prepare_model_settings(label_count, sample_rate, clip_duration_ms, window_size_ms,
                           window_stride_ms, dct_coefficient_count):
    desired_samples = int(sample_rate * clip_duration_ms / 1000)
    window_size_samples = int(sample_rate * window_size_ms / 1000)
    window_stride_samples = int(sample_rate * window_stride_ms / 1000)
    length_minus_window = desired_samples - window_size_samples
    spectrogram_length = 0 if length_minus_window < 0 else 1 + int(length_minus_window / window_stride_samples)
    return {
        'desired_samples': desired_samples,
        'spectrogram_length': spectrogram_length,
        'dct_coefficient_count': dct_coefficient_count,
        'fingerprint_size': dct_coefficient_count * spectrogram_length,
        'label_count': label_count,
        'sample_rate': sample_rate,
    }


def create_model(fingerprint_input, model_settings, model_architecture, is_training, weight_decay=0.0):
    if model_architecture == 'mobilenet':
        spectrogram = tf.reshape(fingerprint_input, [-1, model_settings['spectrogram_length'],
                                                     model_settings['dct_coefficient_count'], 1])
        with slim.arg_scope(mobilenet.mobilenet_arg_scope(weight_decay=weight_decay)):
            logits = mobilenet.mobilenet(spectrogram, num_classes=model_settings['label_count'],
                                         is_training=is_training)
        return logits
    raise Exception('model_architecture argument "%s" not recognized' % model_architecture)


def load_variables_from_checkpoint(sess, start_checkpoint):
    saver = tf.train.Saver(tf.global_variables())
    saver.restore(sess, start_checkpoint)


def window_count(sample_rate, ms):
    return int(math.ceil(sample_rate * ms / 1000.0))
