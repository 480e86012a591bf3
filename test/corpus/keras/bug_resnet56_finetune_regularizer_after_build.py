# Idiom seen in: tbe07tyg/Tensorflow2 02-transfer-learning/transfer_dogs.py
# Idiom seen in: tbe07tyg/Tensorflow2 01-basic-image-classification/resnet.py
# What it reproduces: transfer learning on a built, pretrained ResNet50 base: "add L2 to every conv" by
# assigning layer.kernel_regularizer in a loop over base.layers after construction, with no rebuild, so
# model.losses stays empty and fit trains without decay (user mistake in the repository's transfer idiom).
import tensorflow as tf

from dogs_input import load_dog_datasets

L2_WEIGHT_DECAY = 1e-4
NUM_CLASSES = 120
IMG_SIZE = 224

base = tf.keras.applications.ResNet50(weights='imagenet', include_top=False,
                                      input_shape=(IMG_SIZE, IMG_SIZE, 3))
for layer in base.layers[-33:]:
    if isinstance(layer, tf.keras.layers.Conv2D):
        layer.kernel_regularizer = tf.keras.regularizers.l2(L2_WEIGHT_DECAY)  # expect: WD106
for layer in base.layers[:-33]:
    layer.trainable = False

model = tf.keras.Sequential([
    base,
    tf.keras.layers.GlobalAveragePooling2D(),
    tf.keras.layers.Dense(NUM_CLASSES, activation='softmax'),
])
model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=0.01, momentum=0.9),
              loss='sparse_categorical_crossentropy', metrics=['accuracy'])

train_ds, val_ds = load_dog_datasets(IMG_SIZE, batch_size=32)
model.fit(train_ds, validation_data=val_ds, epochs=20)
model.save('dogs_resnet50.h5')
