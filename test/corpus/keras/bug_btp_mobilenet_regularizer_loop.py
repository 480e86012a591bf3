# Idiom seen in: bargavkoduri/BTP-Server init_mobilenetv2.py
# What it reproduces: "add L2 to the pretrained backbone" by setting layer.kernel_regularizer / bias_regularizer on the
#   layers of an already-built keras.applications MobileNetV2 (here on the unfrozen top layers, then compile/fit with no
#   rebuild): the attributes are never read again, model.losses stays empty (WD106 at both assignments).
import argparse

from tensorflow.keras import regularizers
from tensorflow.keras.applications import MobileNetV2
from tensorflow.keras.layers import Dense, Dropout, GlobalAveragePooling2D
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import SGD

from helper import load_client_dataset

parser = argparse.ArgumentParser()
parser.add_argument("--data", default="data/client0")
parser.add_argument("--epochs", type=int, default=10)
parser.add_argument("--l2", type=float, default=0.01)
args = parser.parse_args()

mobilenet = MobileNetV2(weights="imagenet", include_top=False, input_shape=(224, 224, 3))
for layer in mobilenet.layers[:-20]:
    layer.trainable = False
for layer in mobilenet.layers[-20:]:
    if hasattr(layer, "kernel"):
        layer.kernel_regularizer = regularizers.l2(args.l2)  # expect: WD106
    if hasattr(layer, "bias") and layer.bias is not None:
        layer.bias_regularizer = regularizers.l2(args.l2)  # expect: WD106

x = mobilenet.output
x = Dropout(0.5)(x)
x = GlobalAveragePooling2D()(x)
predictions = Dense(5, activation="softmax")(x)
model = Model(mobilenet.input, predictions)

model.compile(optimizer=SGD(learning_rate=1e-3, momentum=0.9),
              loss="categorical_crossentropy", metrics=["accuracy"])
train_ds, val_ds = load_client_dataset(args.data, image_size=(224, 224))
model.fit(train_ds, validation_data=val_ds, epochs=args.epochs)
model.save("mobilenetv2_client.h5")
