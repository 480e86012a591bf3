# Idiom seen in: IshaqJunejo/Lemon-Disease-Detector core/saving-mobile-net-v2.py
# What it reproduces: the same "L2 on every conv layer of a pretrained MobileNetV2" loop, followed by the
# rebuild that makes it take effect: weights saved, model recreated with model_from_json(to_json()),
# weights restored, then compile/fit (which adds model.losses). Clean.
import tensorflow as tf
from tensorflow.keras.applications import MobileNetV2

from dataset import load_lemon_dataset

WEIGHT_DECAY = 5e-5
NUM_CLASSES = 9

base_model = MobileNetV2(weights='imagenet', include_top=False, input_shape=(224, 224, 3))
for layer in base_model.layers:
    if isinstance(layer, (tf.keras.layers.Conv2D, tf.keras.layers.Dense)):
        layer.kernel_regularizer = tf.keras.regularizers.l2(WEIGHT_DECAY)

pretrained = base_model.get_weights()
base_model = tf.keras.models.model_from_json(base_model.to_json())
base_model.set_weights(pretrained)

model = tf.keras.Sequential([
    base_model,
    tf.keras.layers.GlobalAveragePooling2D(),
    tf.keras.layers.Dropout(0.3),
    tf.keras.layers.Dense(NUM_CLASSES, activation='softmax'),
])
model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=1e-3, momentum=0.9),
              loss='sparse_categorical_crossentropy', metrics=['accuracy'])

train_ds, val_ds = load_lemon_dataset('dataset/', image_size=(224, 224), batch_size=32)
model.fit(train_ds, validation_data=val_ds, epochs=20)
model.save('models/lemon-mobilenet-v2.keras')
