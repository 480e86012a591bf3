# Idiom seen in: cilab-ufersa/surface_crack_detection crack_segmentation/model/add_regularization.py
#                d-s-jokhun/ML_utils RegularizeModel.py
# What it reproduces: the "add regularization to a pretrained model the right way" helper:
# setattr kernel_regularizer on every layer, save the weights, rebuild from model.to_json() with
# model_from_json and reload the weights; the rebuilt layers create their l2 losses. Then
# compile+fit. Correctly wired.
import os
import tempfile

import tensorflow as tf
from tensorflow.keras.models import model_from_json
from tensorflow.keras.regularizers import l2


def add_regularization(model, regularization):
    regularizer = l2(regularization)
    if not isinstance(regularizer, tf.keras.regularizers.Regularizer):
        return model
    for layer in model.layers:
        for attr in ['kernel_regularizer']:
            if hasattr(layer, attr):
                setattr(layer, attr, regularizer)
    # the change only reaches the config: rebuild the model from it
    model_json = model.to_json()
    tmp_weights_path = os.path.join(tempfile.gettempdir(), 'tmp_weights.h5')
    model.save_weights(tmp_weights_path)
    model = model_from_json(model_json)
    model.load_weights(tmp_weights_path, by_name=True)
    return model


def build_classifier(num_classes, weight_decay, input_shape=(224, 224, 3)):
    backbone = tf.keras.applications.MobileNetV2(include_top=False, weights='imagenet',
                                                 input_shape=input_shape)
    backbone = add_regularization(backbone, weight_decay)
    x = tf.keras.layers.GlobalAveragePooling2D()(backbone.output)
    x = tf.keras.layers.Dropout(0.2)(x)
    outputs = tf.keras.layers.Dense(num_classes, activation='softmax', kernel_regularizer=l2(weight_decay))(x)
    return tf.keras.Model(backbone.input, outputs)


if __name__ == '__main__':
    config = {'data_dir': 'data/cracks', 'num_classes': 2, 'weight_decay': 1e-4, 'lr': 1e-3, 'epochs': 20}
    train_ds = tf.keras.utils.image_dataset_from_directory(config['data_dir'] + '/train', image_size=(224, 224),
                                                           label_mode='categorical', batch_size=32)
    val_ds = tf.keras.utils.image_dataset_from_directory(config['data_dir'] + '/val', image_size=(224, 224),
                                                         label_mode='categorical', batch_size=32)
    model = build_classifier(config['num_classes'], config['weight_decay'])
    model.compile(optimizer=tf.keras.optimizers.Adam(config['lr']), loss='categorical_crossentropy',
                  metrics=['accuracy'])
    model.fit(train_ds, validation_data=val_ds, epochs=config['epochs'])
