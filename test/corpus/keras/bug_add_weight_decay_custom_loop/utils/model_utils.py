# Idiom seen in: andresatcontext/Temp_active utils/model_utils.py
#                sbl1996/hanser hanser/v1/train/__init__.py (l2_regularizer via layer.add_loss)
# What it reproduces: add_weight_decay walks a (possibly nested) Keras model and registers an L2
# term per trainable weight with add_loss; the terms only exist in model.losses, which the custom
# loop in train.py never adds, so the decay is dead (WD103 on the add_loss call).
# label-note: the add_loss is called from outside the layer (m.add_loss, not self.add_loss); the
# WD103 page reports "the add_loss call" for add_loss decay terms, so the label sits on that line.
import tensorflow as tf
from tensorflow.keras import Model, backend


def add_weight_decay(model, weight_decay):
    if (weight_decay is None) or (weight_decay == 0.0):
        return

    # recursion inside the model
    def add_decay_loss(m, factor):
        if isinstance(m, Model):
            for layer in m.layers:
                add_decay_loss(layer, factor)
        else:
            for param in m.trainable_weights:
                with backend.name_scope('weight_regularizer'):
                    regularizer = lambda param=param: tf.keras.regularizers.l2(factor)(param)
                    m.add_loss(regularizer)  # expect: WD103

    # weight decay and l2 regularization differ by a factor of 2
    add_decay_loss(model, weight_decay / 2.0)


def freeze_bn(model):
    for layer in model.layers:
        if isinstance(layer, tf.keras.layers.BatchNormalization):
            layer.trainable = False
