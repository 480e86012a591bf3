# Idiom seen in: JihongJu/keras-fcn voc2011/train.py
# What it reproduces: the VOC training script: FCN_VGG16(weight_decay=3e-3) compiled with Adam and trained with
#   fit_generator plus the usual callbacks; Keras adds the blocks' L2 terms to the compiled loss. Clean.
import numpy as np
import yaml
from keras.callbacks import CSVLogger, EarlyStopping, ModelCheckpoint, ReduceLROnPlateau
from keras.optimizers import Adam

from models import FCN_VGG16
from voc_generator import ImageSetLoader, PascalVocGenerator

with open("init_args.yml", "r") as stream:
    init_args = yaml.safe_load(stream)

callbacks = [
    ModelCheckpoint(filepath="/tmp/fcn_vgg16_weights.h5", verbose=1, save_best_only=True),
    ReduceLROnPlateau(monitor="val_loss", factor=np.sqrt(0.1), patience=10, min_lr=1e-12),
    EarlyStopping(monitor="val_loss", min_delta=0.001, patience=30),
    CSVLogger("output/fcn_vgg16.csv"),
]

datagen = PascalVocGenerator(image_shape=[224, 224, 3], image_resample=True, pixelwise_center=True,
                             pixel_mean=[115.85100, 110.50989, 102.16182])
train_loader = ImageSetLoader(**init_args["image_set_loader"]["train"])
val_loader = ImageSetLoader(**init_args["image_set_loader"]["val"])

fcn_vgg16 = FCN_VGG16(input_shape=(224, 224, 3), classes=21, weight_decay=3e-3)
fcn_vgg16.compile(optimizer=Adam(1e-4), loss="categorical_crossentropy", metrics=["accuracy"])
fcn_vgg16.fit_generator(
    datagen.flow_from_imageset(class_mode="categorical", classes=21, batch_size=1, shuffle=True,
                               image_set_loader=train_loader),
    steps_per_epoch=1112,
    epochs=100,
    validation_data=datagen.flow_from_imageset(class_mode="categorical", classes=21, batch_size=1,
                                               shuffle=True, image_set_loader=val_loader),
    validation_steps=1111,
    callbacks=callbacks)
