# Idiom seen in: aishwarya-netha/Autism-Detection EfficientNet-B0/4.load_model.py
# Idiom seen in: aishwarya-netha/Autism-Detection EfficientNet-B0/5.model.py
# Idiom seen in: aishwarya-netha/Autism-Detection EfficientNet-B0/6.compile.py
# What it reproduces: autism facial-image classifier on a frozen EfficientNetB0 + Dense head; to fight overfitting a user
#   loops over model_final.layers setting layer.kernel_regularizer = l2(1e-4) after the model is built, which adds no
#   loss (user mistake in the repo's idiom). RMSprop(decay=1e-6) is the legacy learning-rate decay, not weight decay.
import os

import tensorflow as tf
import efficientnet.tfkeras as efn
from tensorflow.keras.layers import Dense, Dropout, Flatten
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from tensorflow.keras.regularizers import l2

base_dir = 'data/autism_faces'
train_dir = os.path.join(base_dir, 'train')
validation_dir = os.path.join(base_dir, 'valid')

train_datagen = ImageDataGenerator(rescale=1. / 255., rotation_range=40, width_shift_range=0.2,
                                   height_shift_range=0.2, shear_range=0.2, zoom_range=0.2, horizontal_flip=True)
test_datagen = ImageDataGenerator(rescale=1.0 / 255.)
train_generator = train_datagen.flow_from_directory(train_dir, batch_size=20, class_mode='binary',
                                                    target_size=(224, 224))
validation_generator = test_datagen.flow_from_directory(validation_dir, batch_size=20, class_mode='binary',
                                                        target_size=(224, 224))

base_model = efn.EfficientNetB0(input_shape=(224, 224, 3), include_top=False, weights='imagenet')
for layer in base_model.layers:
    layer.trainable = False

x = base_model.output
x = Flatten()(x)
x = Dense(1024, activation="relu")(x)
x = Dropout(0.4)(x)
predictions = Dense(1, activation="sigmoid")(x)
model_final = tf.keras.Model(base_model.input, predictions)

# the head overfits after ~10 epochs: put a little L2 on every dense layer
for layer in model_final.layers:
    if isinstance(layer, Dense):
        layer.kernel_regularizer = l2(1e-4)  # expect: WD106

model_final.summary()
model_final.compile(optimizer=tf.keras.optimizers.legacy.RMSprop(learning_rate=0.0001, decay=1e-6),
                    loss='binary_crossentropy', metrics=['accuracy'])
history = model_final.fit(train_generator, validation_data=validation_generator, steps_per_epoch=100,
                          epochs=30, validation_steps=25)
model_final.save('effnet_b0_autism.h5')
