# Idiom seen in: tucan9389/tf2-mobile-image-classification trainer/tf2/transferlearning_model.py
# Idiom seen in: tucan9389/tf2-mobile-image-classification train_tf2.py
# What it reproduces: the same feature-extraction then fine-tuning flow; the kernel regularizers
#   set on the base layers take effect because the base is rebuilt from its JSON configuration
#   (weights restored) before the head is put on top and the model is compiled and fit. Clean.
import os

import tensorflow as tf

IMG_SHAPE = (224, 224, 3)
NUM_CLASSES = 4
BATCH_SIZE = 32
fine_tune_at = 100

image_generator = tf.keras.preprocessing.image.ImageDataGenerator(rescale=1. / 255)
train_generator = image_generator.flow_from_directory(
    os.path.join('dataset', 'train'), target_size=IMG_SHAPE[:2], batch_size=BATCH_SIZE)
val_generator = image_generator.flow_from_directory(
    os.path.join('dataset', 'val'), target_size=IMG_SHAPE[:2], batch_size=BATCH_SIZE)


def regularized_base(input_shape, l2=1e-4):
    base = tf.keras.applications.MobileNetV2(input_shape=input_shape, include_top=False, weights='imagenet')
    for layer in base.layers[fine_tune_at:]:
        if isinstance(layer, (tf.keras.layers.Conv2D, tf.keras.layers.DepthwiseConv2D)):
            layer.kernel_regularizer = tf.keras.regularizers.l2(l2)
    weights = base.get_weights()
    base = tf.keras.models.model_from_json(base.to_json())
    base.set_weights(weights)
    for layer in base.layers[:fine_tune_at]:
        layer.trainable = False
    return base


if __name__ == '__main__':
    base_model = regularized_base(IMG_SHAPE)
    model = tf.keras.Sequential([
        base_model,
        tf.keras.layers.GlobalAveragePooling2D(),
        tf.keras.layers.Dropout(0.2),
        tf.keras.layers.Dense(NUM_CLASSES, activation='softmax'),
    ])
    model.compile(loss='categorical_crossentropy', optimizer=tf.keras.optimizers.Adam(1e-5),
                  metrics=['accuracy'])
    model.fit(train_generator, epochs=6, validation_data=val_generator)
    model.save(os.path.join('output', 'models', 'finetuned.h5'))
