# Idiom seen in: pierluigiferrari/ssd_keras scripts/ssd7_training.py
# Idiom seen in: pierluigiferrari/ssd_keras models/keras_ssd7.py
# What it reproduces: build_model(..., l2_regularization=0.0005), Adam, SSDLoss(...).compute_loss in
#   compile and fit_generator: Keras adds the conv layers' l2 terms to the fitted loss. Clean.
from math import ceil

from keras import backend as K
from keras.callbacks import EarlyStopping, ModelCheckpoint, ReduceLROnPlateau
from keras.optimizers import Adam

from keras_ssd7 import build_model
from keras_loss_function.keras_ssd_loss import SSDLoss
from data_generator.object_detection_2d_data_generator import DataGenerator

img_height, img_width, img_channels = 300, 480, 3
n_classes = 5
batch_size = 16

K.clear_session()
model = build_model(image_size=(img_height, img_width, img_channels),
                    n_classes=n_classes,
                    l2_regularization=0.0005)

adam = Adam(lr=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-08, decay=0.0)
ssd_loss = SSDLoss(neg_pos_ratio=3, alpha=1.0)
model.compile(optimizer=adam, loss=ssd_loss.compute_loss)

train_dataset = DataGenerator(load_images_into_memory=False)
val_dataset = DataGenerator(load_images_into_memory=False)
train_dataset.parse_csv(images_dir='udacity_driving_datasets/', labels_filename='labels_train.csv',
                        input_format=['image_name', 'xmin', 'xmax', 'ymin', 'ymax', 'class_id'])
val_dataset.parse_csv(images_dir='udacity_driving_datasets/', labels_filename='labels_val.csv',
                      input_format=['image_name', 'xmin', 'xmax', 'ymin', 'ymax', 'class_id'])
train_generator = train_dataset.generate(batch_size=batch_size, shuffle=True)
val_generator = val_dataset.generate(batch_size=batch_size, shuffle=False)

callbacks = [
    ModelCheckpoint(filepath='ssd7_epoch-{epoch:02d}_loss-{loss:.4f}.h5', monitor='val_loss',
                    save_best_only=True),
    EarlyStopping(monitor='val_loss', min_delta=0.0, patience=10),
    ReduceLROnPlateau(monitor='val_loss', factor=0.2, patience=8, min_lr=0.00001),
]

history = model.fit_generator(generator=train_generator,
                              steps_per_epoch=1000,
                              epochs=20,
                              callbacks=callbacks,
                              validation_data=val_generator,
                              validation_steps=ceil(val_dataset.get_dataset_size() / batch_size))
