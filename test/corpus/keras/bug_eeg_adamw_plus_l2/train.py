# Idiom seen in: mauricio-ms/motor-imagery-deep-learning models/physionet/cnn1d.py
# Idiom seen in: mauricio-ms/motor-imagery-deep-learning datasets/physionet.py
# What it reproduces: a realistic TF 2.11+ port of the training script: Adam is swapped for
# keras.optimizers.AdamW(weight_decay=1e-2) (biases excluded), while the model keeps its l2 kernel
# regularizers, so the same conv/dense kernels are decayed twice (penalty through fit + AdamW's decay).
import argparse

from tensorflow import keras

from datasets import physionet
from cnn1d import build_model

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=50)
parser.add_argument("--l2", type=float, default=1e-3)
parser.add_argument("--weight_decay", type=float, default=1e-2)
args = parser.parse_args()

train_set, validation_set = physionet.load_data(window_length=480, expand_dim=False)

model = build_model(output_classes=2, window_length=480, l2_weight=args.l2)
optimizer = keras.optimizers.AdamW(learning_rate=1e-4, weight_decay=args.weight_decay)
optimizer.exclude_from_weight_decay(var_names=["bias"])
model.compile(loss="sparse_categorical_crossentropy", optimizer=optimizer, metrics=["accuracy"])

checkpoint = keras.callbacks.ModelCheckpoint("cnn1d_physionet.h5", save_best_only=True)
early_stopping = keras.callbacks.EarlyStopping(patience=10, restore_best_weights=True)
model.fit(train_set, epochs=args.epochs, validation_data=validation_set,
          callbacks=[checkpoint, early_stopping])
