# Idiom seen in: tucan9389/tf2-mobile-image-classification trainer/tf2/transferlearning_model.py
# Idiom seen in: tucan9389/tf2-mobile-image-classification train_tf2.py
# What it reproduces: build_model() (frozen MobileNetV2 base + small head in a Sequential) and the
#   fine-tuning step of configureForFinetuning() (unfreeze from layer 100), where the user adds
#   "a little L2" by assigning kernel_regularizer to the already-built base layers: no loss is
#   added. The repository has no regularizer; this is a realistic user mistake in its idiom.
import os

import tensorflow as tf

IMG_SHAPE = (224, 224, 3)
NUM_CLASSES = 4
BATCH_SIZE = 32
fine_tune_at = 100


def build_model(input_shape, number_of_classes):
    base_model = tf.keras.applications.MobileNetV2(input_shape=input_shape, include_top=False,
                                                   weights='imagenet')
    base_model.trainable = False
    model = tf.keras.Sequential([
        base_model,
        tf.keras.layers.Conv2D(32, 3, activation='relu'),
        tf.keras.layers.Dropout(0.2),
        tf.keras.layers.GlobalAveragePooling2D(),
        tf.keras.layers.Dense(number_of_classes, activation='softmax'),
    ])
    return base_model, model


image_generator = tf.keras.preprocessing.image.ImageDataGenerator(rescale=1. / 255)
train_generator = image_generator.flow_from_directory(
    os.path.join('dataset', 'train'), target_size=IMG_SHAPE[:2], batch_size=BATCH_SIZE)
val_generator = image_generator.flow_from_directory(
    os.path.join('dataset', 'val'), target_size=IMG_SHAPE[:2], batch_size=BATCH_SIZE)

if __name__ == '__main__':
    base_model, model = build_model(IMG_SHAPE, NUM_CLASSES)
    model.compile(optimizer=tf.keras.optimizers.Adam(), loss='categorical_crossentropy', metrics=['accuracy'])
    model.fit(train_generator, epochs=6, validation_data=val_generator)

    base_model.trainable = True
    for layer in base_model.layers[:fine_tune_at]:
        layer.trainable = False
    for layer in base_model.layers[fine_tune_at:]:
        if isinstance(layer, (tf.keras.layers.Conv2D, tf.keras.layers.DepthwiseConv2D)):
            layer.kernel_regularizer = tf.keras.regularizers.l2(1e-4)  # expect: WD106

    model.compile(loss='categorical_crossentropy', optimizer=tf.keras.optimizers.Adam(1e-5),
                  metrics=['accuracy'])
    model.fit(train_generator, epochs=6, validation_data=val_generator)
    model.save(os.path.join('output', 'models', 'finetuned.h5'))
