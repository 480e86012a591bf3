# Idiom seen in: 1234zhangshuai/keras_project python_keras/chepter_5/5_3_2.py
# What it reproduces: a VGG16 conv_base stacked under a Dense classifier in a Sequential; to regularize the
# fine-tuned block the script then sets layer.kernel_regularizer on conv_base's already-built Conv2D
# layers (a user mistake in this idiom): no loss is added, fit trains without the L2.
import os

from keras import layers
from keras import models
from keras import optimizers
from keras import regularizers
from keras.applications import VGG16
from keras.preprocessing.image import ImageDataGenerator

base_dir = '/home/data/cats_and_dogs_small'
train_dir = os.path.join(base_dir, 'train')
validation_dir = os.path.join(base_dir, 'validation')

# instantiate the VGG16 convolutional base
conv_base = VGG16(weights='imagenet', include_top=False, input_shape=(150, 150, 3))

# densely connected classifier on top of the conv base
model = models.Sequential()
model.add(conv_base)
model.add(layers.Flatten())
model.add(layers.Dense(256, activation='relu'))
model.add(layers.Dense(1, activation='sigmoid'))

# fine-tune block5 only, with L2 on its kernels
conv_base.trainable = True
set_trainable = False
for layer in conv_base.layers:
    if layer.name == 'block5_conv1':
        set_trainable = True
    layer.trainable = set_trainable
    if set_trainable and isinstance(layer, layers.Conv2D):
        layer.kernel_regularizer = regularizers.l2(1e-4)  # expect: WD106

train_datagen = ImageDataGenerator(
    rescale=1. / 255,
    rotation_range=40,
    width_shift_range=0.2,
    height_shift_range=0.2,
    shear_range=0.2,
    zoom_range=0.2,
    horizontal_flip=True,
    fill_mode='nearest')
test_datagen = ImageDataGenerator(rescale=1. / 255)

train_generator = train_datagen.flow_from_directory(
    train_dir, target_size=(150, 150), batch_size=20, class_mode='binary')
validation_generator = test_datagen.flow_from_directory(
    validation_dir, target_size=(150, 150), batch_size=20, class_mode='binary')

model.compile(loss='binary_crossentropy',
              optimizer=optimizers.RMSprop(lr=1e-5),
              metrics=['acc'])

history = model.fit_generator(
    train_generator,
    steps_per_epoch=100,
    epochs=100,
    validation_data=validation_generator,
    validation_steps=50)

model.save('cats_and_dogs_small_finetuned.h5')
