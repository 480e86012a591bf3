# Idiom seen in: vivekpatel99/chest-x-ray-diagnosis-Multi-label-binary-classification src/model/densenet121_model.py
# Idiom seen in: vivekpatel99/chest-x-ray-diagnosis-Multi-label-binary-classification src/model/model.py
# Idiom seen in: vivekpatel99/chest-x-ray-diagnosis-Multi-label-binary-classification model_trainer.py
# What it reproduces: NIH chest X-ray multi-label DenseNet121 head; the final Dense keeps kernel_regularizer=l2(0.001)
#   while compile uses keras AdamW(weight_decay=1e-5), which already decays every variable (double decay on that
#   kernel, and BN gammas/betas decayed too). The L1L2(0.001) layers are L1 only (l2 defaults to 0).
import math

import tensorflow as tf
from tensorflow.keras.applications.densenet import DenseNet121
from tensorflow.keras.layers import Activation, BatchNormalization, Dense, Dropout, GlobalAveragePooling2D
from tensorflow.keras.models import Model
from tensorflow.keras.regularizers import L1L2, l2


def build_DenseNet121(input_shape: tuple, num_classes: int):
    inputs = tf.keras.Input(shape=input_shape)
    x = tf.keras.applications.densenet.preprocess_input(inputs)
    base_model = DenseNet121(include_top=False, weights='imagenet', input_tensor=x)
    base_model.trainable = True

    total_layers = len(base_model.layers)
    trainable_layers = math.ceil(total_layers * 0.20)
    for layer in base_model.layers[:-trainable_layers]:
        layer.trainable = False

    x = base_model.output
    x = GlobalAveragePooling2D()(x)
    x = BatchNormalization()(x)
    x = Dense(512, activation='relu', kernel_regularizer=L1L2(0.001))(x)
    x = Dropout(0.2)(x)
    x = BatchNormalization()(x)
    x = Dense(256, activation='relu', kernel_regularizer=L1L2(0.001))(x)
    x = Dropout(0.3)(x)
    x = BatchNormalization()(x)
    x = Dense(units=int(num_classes), name='final_dense',
              kernel_regularizer=l2(0.001))(x)  # expect: WD201
    predictions = Activation('sigmoid', dtype='float32', name='predictions')(x)
    return Model(inputs=inputs, outputs=predictions)
