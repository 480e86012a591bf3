# Idiom seen in: TropComplique/knowledge-distillation-keras mobilenet.py
# What it reproduces: get_mobilenet() puts an l2(weight_decay) kernel_regularizer on the new Dense logits layer at
#   construction time, on top of a frozen keras.applications MobileNet base.
import keras
from keras.applications.mobilenet import MobileNet
from keras.layers import Activation, Dense, Dropout, GlobalAveragePooling2D
from keras.models import Model


def get_mobilenet(input_size, alpha, weight_decay, dropout):
    input_shape = (input_size, input_size, 3)
    base_model = MobileNet(include_top=False, weights='imagenet', input_shape=input_shape, alpha=alpha)
    x = base_model.output
    x = GlobalAveragePooling2D()(x)
    x = Dropout(dropout)(x)
    logits = Dense(256, kernel_regularizer=keras.regularizers.l2(weight_decay))(x)
    probabilities = Activation('softmax')(logits)
    model = Model(base_model.input, probabilities)
    for layer in model.layers[:-2]:
        layer.trainable = False
    return model
