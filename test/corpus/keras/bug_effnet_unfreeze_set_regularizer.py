# Idiom seen in: aryxnsdfs/efficientnet-cifar10-transfer-learning efficientnet-cifar10-transfer-learning.py
# What it reproduces: EfficientNetB0 base inside a Sequential with an L2 head, trained frozen, then the last
#   20 base layers are unfrozen and recompiled. Realistic addition at the unfreeze step: the loop also sets
#   layer.kernel_regularizer on those already-built layers, which adds no loss (no rebuild follows): WD106.
import tensorflow as tf
from tensorflow.keras.applications import EfficientNetB0
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense, GlobalAveragePooling2D, Dropout
from tensorflow.keras.datasets import cifar10
from tensorflow.keras import regularizers
from tensorflow.keras.utils import to_categorical

FINE_TUNE_L2 = 1e-4

(x_train, y_train), (x_test, y_test) = cifar10.load_data()
x_train = tf.image.resize(x_train.astype('float32') / 255.0, [224, 224])
x_test = tf.image.resize(x_test.astype('float32') / 255.0, [224, 224])
y_train = to_categorical(y_train, 10)
y_test = to_categorical(y_test, 10)

base_model = EfficientNetB0(include_top=False, weights='imagenet', input_shape=(224, 224, 3))
base_model.trainable = False

model = Sequential([
    base_model,
    GlobalAveragePooling2D(),
    Dense(128, activation='relu', kernel_regularizer=regularizers.l2(0.001)),
    Dropout(0.3),
    Dense(10, activation='softmax', kernel_regularizer=regularizers.l2(0.001)),
])

model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
print("Training top layers only...")
model.fit(x_train, y_train, epochs=2, batch_size=30, validation_split=0.2)

# Fine-tune: unfreeze the last 20 layers and regularize their kernels
for layer in base_model.layers[-20:]:
    layer.trainable = True
    if hasattr(layer, 'kernel_regularizer'):
        layer.kernel_regularizer = regularizers.l2(FINE_TUNE_L2)  # expect: WD106

model.compile(optimizer=tf.keras.optimizers.Adam(1e-5), loss='categorical_crossentropy', metrics=['accuracy'])
print("Fine-tuning last 20 layers...")
model.fit(x_train, y_train, epochs=2, batch_size=30, validation_split=0.2)

test_loss, test_acc = model.evaluate(x_test, y_test)
print(f"\nFinal Test Accuracy: {test_acc:.4f}")
