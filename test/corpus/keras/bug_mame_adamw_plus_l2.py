# Idiom seen in: n12iki/DL MAMeProject/model.py
# What it reproduces: the MAMe (museum art medium) CNN whose conv layers carry kernel_regularizer=l2(weight_decay);
#   a user mistake in this idiom (the repo trains with Adam): switching to keras AdamW(weight_decay=weight_decay), with
#   biases and BN excluded as the docs suggest, while keeping the l2 regularizers, so every conv kernel is decayed twice.
from tensorflow import keras
from tensorflow.keras import regularizers
from tensorflow.keras.layers import (Activation, BatchNormalization, Conv2D, Dense, Dropout,
                                     GlobalAveragePooling2D, MaxPooling2D)
from tensorflow.keras.models import Sequential

from data_generators import train_generator, val_generator

img_size = 224
num_classes = 29
weight_decay = 1e-4
epochs = 60

model = Sequential()
model.add(Conv2D(32, (3, 3), padding='same', kernel_regularizer=regularizers.l2(weight_decay),  # expect: WD201
                 input_shape=(img_size, img_size, 3)))
model.add(Activation('relu'))
model.add(BatchNormalization())
model.add(Conv2D(32, (3, 3), padding='same', kernel_regularizer=regularizers.l2(weight_decay)))  # expect: WD201
model.add(Activation('relu'))
model.add(BatchNormalization())
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.2))

model.add(Conv2D(64, (3, 3), padding='same', kernel_regularizer=regularizers.l2(weight_decay)))  # expect: WD201
model.add(Activation('relu'))
model.add(BatchNormalization())
model.add(Conv2D(64, (3, 3), padding='same', kernel_regularizer=regularizers.l2(weight_decay)))  # expect: WD201
model.add(Activation('relu'))
model.add(BatchNormalization())
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.3))

model.add(GlobalAveragePooling2D())
model.add(Dense(num_classes, activation='softmax'))
model.summary()

optimizer = keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=weight_decay)
optimizer.exclude_from_weight_decay(var_names=['bias', 'batch_normalization'])
model.compile(loss='categorical_crossentropy', optimizer=optimizer, metrics=['accuracy'])

history = model.fit(train_generator, steps_per_epoch=len(train_generator), epochs=epochs,
                    validation_data=val_generator, validation_steps=len(val_generator))
model.save('mame_cnn.h5')
