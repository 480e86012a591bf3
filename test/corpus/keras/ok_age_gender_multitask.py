# Idiom seen in: astracloud/age_gender_estimation train.py
# What it reproduces: a small functional CNN with two softmax heads (gender, 100 age bins) whose Dense kernels carry
#   kernel_regularizer=l2(WEIGHT_DECAY); it is compiled with two losses and trained with fit, which adds the
#   regularization terms to the loss itself. Clean.
import glob
import os
from argparse import ArgumentParser

import cv2
import numpy as np
from keras.callbacks import EarlyStopping, ModelCheckpoint
from keras.layers import Input, Dense, Flatten, Conv2D, AveragePooling2D, MaxPooling2D, BatchNormalization
from keras.models import Model
from keras.optimizers import SGD
from keras.regularizers import l2
from keras.utils import np_utils

from cv_core.detector.face_inference import FaceLocationDetector

WEIGHT_INIT = "he_normal"
USE_BIAS = False
WEIGHT_DECAY = 0.0005
INPUT_SHAPE = (64, 64, 3)
AGE_CATEGORY = 100
BATCH_SIZE = 32
EPOCHS = 2000

parser = ArgumentParser()
parser.add_argument("train_dir", help="train dataset")
parser.add_argument("test_dir", help="test dataset")
detector = FaceLocationDetector()


def load_data(train_path):
    img_list, age_list, gender_list = [], [], []
    for path in glob.glob(os.path.join(train_path, '**/*.jpg'), recursive=True):
        age, gender, _ = os.path.basename(path).split('_')
        img = cv2.imread(path)
        face_locs = detector.predict(img)
        if len(face_locs) != 1:
            continue
        start_x, start_y, end_x, end_y = face_locs[0]
        img_list.append(cv2.resize(img[start_y:end_y, start_x:end_x, :], INPUT_SHAPE[:2]))
        age_list.append(int(age))
        gender_list.append(0 if gender == 'f' else 1)
    return np.asarray(img_list), age_list, gender_list


def build_model():
    inputs = Input(shape=INPUT_SHAPE)
    x = Conv2D(32, (3, 3), activation='relu')(inputs)
    x = MaxPooling2D(2, 2)(x)
    x = Conv2D(32, (3, 3), activation='relu')(x)
    x = MaxPooling2D(2, 2)(x)
    x = Conv2D(64, (3, 3), activation='relu')(x)
    x = MaxPooling2D(2, 2)(x)
    x = Conv2D(64, (3, 3), activation='relu')(x)
    x = BatchNormalization(axis=-1)(x)
    flatten = Flatten()(AveragePooling2D(pool_size=(4, 4), strides=(1, 1), padding="same")(x))
    predictions_g = Dense(units=2, kernel_initializer=WEIGHT_INIT, use_bias=USE_BIAS,
                          kernel_regularizer=l2(WEIGHT_DECAY), activation="softmax")(flatten)
    predictions_a = Dense(units=AGE_CATEGORY, kernel_initializer=WEIGHT_INIT, use_bias=USE_BIAS,
                          kernel_regularizer=l2(WEIGHT_DECAY), activation="softmax")(flatten)
    return Model(inputs=inputs, outputs=[predictions_g, predictions_a])


def main():
    args = parser.parse_args()
    x_train, age_train, gender_train = load_data(args.train_dir)
    x_test, age_test, gender_test = load_data(args.test_dir)
    y_train = [np_utils.to_categorical(gender_train, 2), np_utils.to_categorical(age_train, AGE_CATEGORY)]
    y_test = [np_utils.to_categorical(gender_test, 2), np_utils.to_categorical(age_test, AGE_CATEGORY)]

    model = build_model()
    model.summary()
    sgd = SGD(lr=0.1, momentum=0.9, nesterov=True)
    model.compile(optimizer=sgd, loss=["categorical_crossentropy", "categorical_crossentropy"],
                  metrics=['accuracy'])
    callbacks = [
        EarlyStopping(monitor='val_loss', patience=100, restore_best_weights=True),
        ModelCheckpoint('checkpoints/age_gender.{epoch:02d}-{val_loss:.2f}.h5', monitor='val_loss',
                        save_best_only=True),
    ]
    model.fit(x_train / 255.0, y_train, batch_size=BATCH_SIZE, epochs=EPOCHS, callbacks=callbacks,
              validation_data=(x_test / 255.0, y_test))


if __name__ == '__main__':
    main()
