# Idiom seen in: jinzengnju/MLinPractice TransferLearning/fineTune.py
# What it reproduces: the TF transfer-learning tutorial flow (MobileNetV2 base, unfreeze from fine_tune_at, recompile,
#   fit again); this user variant adds "a little L2" by assigning layer.kernel_regularizer on the already-built base
#   model's conv layers. The layers' weights exist, so no loss is created and fit trains without decay (WD106).
import tensorflow as tf

from dataset import train_dataset, validation_dataset  # image_dataset_from_directory splits, not in this file

IMG_SIZE = (160, 160)
IMG_SHAPE = IMG_SIZE + (3,)
base_learning_rate = 0.0001
initial_epochs = 10
fine_tune_epochs = 10

base_model = tf.keras.applications.MobileNetV2(input_shape=IMG_SHAPE, include_top=False, weights='imagenet')
base_model.trainable = False

preprocess_input = tf.keras.applications.mobilenet_v2.preprocess_input
global_average_layer = tf.keras.layers.GlobalAveragePooling2D()
prediction_layer = tf.keras.layers.Dense(1)

inputs = tf.keras.Input(shape=IMG_SHAPE)
x = preprocess_input(inputs)
x = base_model(x, training=False)
x = global_average_layer(x)
x = tf.keras.layers.Dropout(0.2)(x)
outputs = prediction_layer(x)
model = tf.keras.Model(inputs, outputs)

model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=base_learning_rate),
              loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
              metrics=['accuracy'])
history = model.fit(train_dataset, epochs=initial_epochs, validation_data=validation_dataset)

base_model.trainable = True
print("Number of layers in the base model: ", len(base_model.layers))

# Fine-tune from this layer onwards
fine_tune_at = 100
for layer in base_model.layers[:fine_tune_at]:
    layer.trainable = False

# regularize the layers we unfreeze, they overfit the small dataset quickly
for layer in base_model.layers[fine_tune_at:]:
    if isinstance(layer, tf.keras.layers.Conv2D):
        layer.kernel_regularizer = tf.keras.regularizers.l2(1e-4)  # expect: WD106

model.compile(loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
              optimizer=tf.keras.optimizers.RMSprop(learning_rate=base_learning_rate / 10),
              metrics=['accuracy'])

total_epochs = initial_epochs + fine_tune_epochs
history_fine = model.fit(train_dataset, epochs=total_epochs, initial_epoch=history.epoch[-1],
                         validation_data=validation_dataset)
