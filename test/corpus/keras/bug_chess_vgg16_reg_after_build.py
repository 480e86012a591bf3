# Idiom seen in: youssefdarahem/ChessToFEN cv_chess_model_and_eval.ipynb
# What it reproduces: a VGG16 base is built (ImageNet weights) inside a Sequential, then a loop sets
# layer.kernel_regularizer = l2(...) on its layers; the weights already exist, so no loss is added.
import tensorflow as tf
from tensorflow.keras import layers, regularizers
from tensorflow.keras.applications import VGG16
from tensorflow.keras.preprocessing.image import ImageDataGenerator

IMG_SIZE = (100, 100)
BATCH_SIZE = 32
NUM_CLASSES = 13

datagen = ImageDataGenerator(rescale=1. / 255, validation_split=0.2)
train_gen = datagen.flow_from_directory('data', target_size=IMG_SIZE, batch_size=BATCH_SIZE,
                                        class_mode='categorical', subset='training')
val_gen = datagen.flow_from_directory('data', target_size=IMG_SIZE, batch_size=BATCH_SIZE,
                                      class_mode='categorical', subset='validation')

base_model = VGG16(weights='imagenet', include_top=False, input_shape=IMG_SIZE + (3,))
for layer in base_model.layers[:-4]:
    layer.trainable = False

model = tf.keras.Sequential([
    base_model,
    layers.Flatten(),
    layers.Dense(256, activation='relu'),
    layers.Dropout(0.5),
    layers.Dense(NUM_CLASSES, activation='softmax'),
])

regularizer = regularizers.l2(0.0001)
for layer in base_model.layers[-4:]:
    if hasattr(layer, 'kernel_regularizer'):
        layer.kernel_regularizer = regularizer  # expect: WD106

model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=1e-4),
              loss='categorical_crossentropy', metrics=['accuracy'])
history = model.fit(train_gen, validation_data=val_gen, epochs=15)
model.save('chess_model.h5')
