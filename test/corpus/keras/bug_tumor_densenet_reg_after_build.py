# Idiom seen in: jhaayush2004/NeuroVisionAI-TumorMapperNet DenseNet121.py
# What it reproduces: brain-tumor MRI classification by fine-tuning an ImageNet DenseNet121 (include_top=False,
# Input(256,256,3)) with a small head. A user "adds L2 to the backbone" by looping over clf_model.layers and setting
# layer.kernel_regularizer after the application is built: no loss is created, the fit trains without that decay
# (a realistic mistake in the repository's idiom; the head's own regularizer is fine).
import argparse

import tensorflow as tf
from tensorflow.keras import layers, regularizers
from tensorflow.keras.applications import DenseNet121
from tensorflow.keras.layers import Input

from dataset import load_tumor_splits

parser = argparse.ArgumentParser()
parser.add_argument('--data_dir', default='./brain_tumor_mri')
parser.add_argument('--epochs', type=int, default=30)
parser.add_argument('--batch_size', type=int, default=32)
parser.add_argument('--weight_decay', type=float, default=1e-4)
args = parser.parse_args()

train_ds, val_ds, class_names = load_tumor_splits(args.data_dir, image_size=(256, 256), batch_size=args.batch_size)

clf_model = DenseNet121(weights='imagenet', include_top=False, input_tensor=Input(shape=(256, 256, 3)))
for layer in clf_model.layers[:-60]:
    layer.trainable = False
for layer in clf_model.layers:
    if isinstance(layer, layers.Conv2D):
        layer.kernel_regularizer = regularizers.l2(args.weight_decay)  # expect: WD106

x = layers.GlobalAveragePooling2D()(clf_model.output)
x = layers.Dropout(0.4)(x)
x = layers.Dense(256, activation='relu', kernel_regularizer=regularizers.l2(args.weight_decay))(x)
outputs = layers.Dense(len(class_names), activation='softmax')(x)
model = tf.keras.Model(clf_model.input, outputs)

model.compile(optimizer=tf.keras.optimizers.Adam(1e-4),
              loss='sparse_categorical_crossentropy',
              metrics=['accuracy'])
callbacks = [tf.keras.callbacks.EarlyStopping(patience=5, restore_best_weights=True),
             tf.keras.callbacks.ModelCheckpoint('densenet121_tumor.h5', save_best_only=True)]
model.fit(train_ds, validation_data=val_ds, epochs=args.epochs, callbacks=callbacks)
