# Idiom seen in: vivekpatel99/chest-x-ray-diagnosis-Multi-label-binary-classification src/model/ResNet50V2_model.py
# Idiom seen in: vivekpatel99/chest-x-ray-diagnosis-Multi-label-binary-classification model_trainer.py
# What it reproduces: NIH chest X-ray multi-label ResNet50V2 head with no layer regularizers (the repo commented the
#   L1L2 out) and decoupled decay from keras AdamW, with biases and BatchNorm gamma/beta excluded through
#   exclude_from_weight_decay before fit (clean).
import math
import os

from hydra import compose, initialize
from tensorflow.keras.optimizers.schedules import CosineDecay

from src.data_loader.chest_x_ray_preprocessor import ChestXRayPreprocessor
from src.weighted_loss.weighted_loss import get_weighted_loss

os.environ['TF_CPP_MIN_LOG_LEVEL'] = '2'
import tensorflow as tf
from tensorflow.keras.applications import ResNet50V2
from tensorflow.keras.layers import Activation, BatchNormalization, Dense, Dropout, GlobalAveragePooling2D
from tensorflow.keras.models import Model

CLASSES_NAME = ['Atelectasis', 'Effusion', 'Infiltration', 'Mass', 'No Finding']


def build_ResNet50V2(input_shape: tuple, num_classes: int):
    inputs = tf.keras.Input(shape=input_shape)
    x = tf.keras.applications.resnet_v2.preprocess_input(inputs)
    base_model = ResNet50V2(include_top=False, weights='imagenet', input_tensor=x)
    base_model.trainable = True
    trainable_layers = math.ceil(len(base_model.layers) * 0.50)
    for layer in base_model.layers[:-trainable_layers]:
        layer.trainable = False
    x = base_model.output
    x = BatchNormalization()(x)
    x = GlobalAveragePooling2D()(x)
    x = Dense(512, activation='relu')(x)
    x = Dropout(0.2)(x)
    x = Dense(256, activation='relu')(x)
    x = Dropout(0.2)(x)
    x = Dense(units=int(num_classes), name='final_dense')(x)
    predictions = Activation('sigmoid', dtype='float32', name='predictions')(x)
    return Model(inputs=inputs, outputs=predictions)


def main():
    with initialize(version_base=None, config_path="conf"):
        cfg = compose(config_name="config")
    preprocessor = ChestXRayPreprocessor(cfg, labels=CLASSES_NAME)
    train_ds, valid_ds, pos_weights, neg_weights, steps_per_epoch = \
        preprocessor.get_training_and_validation_datasets()

    model = build_ResNet50V2((cfg.TRAIN.IMG_SIZE, cfg.TRAIN.IMG_SIZE, 3), len(CLASSES_NAME))
    lr_schedule = CosineDecay(cfg.TRAIN.LEARNING_RATE, decay_steps=steps_per_epoch * cfg.TRAIN.NUM_EPOCHS,
                              alpha=0.001)
    optimizer = tf.keras.optimizers.AdamW(learning_rate=lr_schedule, weight_decay=1e-4, global_clipnorm=1.0)
    optimizer.exclude_from_weight_decay(var_names=['bias', 'gamma', 'beta'])
    model.compile(optimizer=optimizer, loss=get_weighted_loss(pos_weights, neg_weights),
                  metrics=['binary_accuracy', tf.keras.metrics.AUC(name='AUC')])
    model.fit(train_ds, steps_per_epoch=steps_per_epoch, validation_data=valid_ds, epochs=cfg.TRAIN.NUM_EPOCHS,
              callbacks=[tf.keras.callbacks.EarlyStopping(monitor='val_AUC', mode='max', patience=10,
                                                          restore_best_weights=True)])
    model.save('resnet50v2_cxr.keras')


if __name__ == '__main__':
    main()
