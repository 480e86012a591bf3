# Idiom seen in: Slaysenfite/masters-tensorflow2-model python_src/ResNetMain.py
# What it reproduces: the CBIS-DDSM mammography script: build ResNet50V2 (+ head), call
#   compile_with_regularization(..., l2=hyperparameters.l2), then model.fit; hyperparameters and the data
#   set come from configuration modules the folder does not hold.
import sys
import time
from datetime import timedelta

import tensorflow as tf
from tensorflow.python.keras.applications.resnet_v2 import ResNet50V2
from tensorflow.python.keras.preprocessing.image import ImageDataGenerator

from configurations.DataSet import cbis_ddsm_data_set as data_set  # not in this folder
from configurations.TrainingConfig import IMAGE_DIMS, create_callbacks, hyperparameters  # not in this folder
from network_helper import compile_with_regularization, create_classification_layers
from utils.ImageLoader import supplement_training_data  # not in this folder
from utils.ScriptHelper import read_cmd_line_args  # not in this folder

print('Python version: {}'.format(sys.version))
print('Tensorflow version: {}\n'.format(tf.__version__))
hyperparameters, opt, data_set = read_cmd_line_args(hyperparameters, data_set)

train_x, test_x, train_y, test_y = data_set.split_data_set(IMAGE_DIMS, subset=None,
                                                           segment=hyperparameters.dataset_segment)
if hyperparameters.augmentation:
    aug = ImageDataGenerator(horizontal_flip=True, vertical_flip=True, rotation_range=10,
                             zoom_range=0.05, fill_mode='nearest')
    train_x, train_y = supplement_training_data(aug, train_x, train_y, multiclass=False)

loss, train_y, test_y = data_set.get_dataset_labels(train_y, test_y)

weights = 'imagenet' if hyperparameters.preloaded_weights else None
model = ResNet50V2(include_top=False, weights=weights, input_shape=IMAGE_DIMS,
                   classes=len(data_set.class_names))
model = create_classification_layers(base_model=model, classes=len(data_set.class_names),
                                     dropout_prob=hyperparameters.dropout_prob)

compile_with_regularization(model=model,
                            loss='binary_crossentropy',
                            optimizer=opt,
                            metrics=['accuracy'],
                            regularization_type='l2',
                            l2=hyperparameters.l2)

callbacks = create_callbacks(hyperparameters)
start_time = time.time()
H = model.fit(train_x, train_y, batch_size=hyperparameters.batch_size, validation_data=(test_x, test_y),
              steps_per_epoch=len(train_x) // hyperparameters.batch_size, epochs=hyperparameters.epochs,
              callbacks=callbacks)
print('[INFO] training took {}'.format(timedelta(seconds=(time.time() - start_time))))
model.save_weights('./output/resnet50v2_cbis_ddsm.h5')
