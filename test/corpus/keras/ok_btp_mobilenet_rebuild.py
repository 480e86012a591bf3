# Idiom seen in: bargavkoduri/BTP-Server init_mobilenetv2.py
# What it reproduces: the same regularizer loop over a pretrained MobileNetV2, followed by the fix the repo's
#   to_json() hints at: the model is rebuilt with model_from_json(model.to_json()) and its weights restored, so the
#   layers are re-created with their regularizers and model.fit adds model.losses. Clean.
from tensorflow.keras import regularizers
from tensorflow.keras.applications import MobileNetV2
from tensorflow.keras.layers import Dense, Dropout, GlobalAveragePooling2D
from tensorflow.keras.models import Model, model_from_json

from helper import encode_weights, load_client_dataset, write_to_file

L2 = 1e-4

mobilenet = MobileNetV2(weights="imagenet", include_top=False, input_shape=(224, 224, 3))
for layer in mobilenet.layers[:-5]:
    layer.trainable = False
for layer in mobilenet.layers:
    if hasattr(layer, "kernel"):
        layer.kernel_regularizer = regularizers.l2(L2)

x = Dropout(0.5)(mobilenet.output)
x = GlobalAveragePooling2D()(x)
out = Dense(5, activation="softmax")(x)
model = Model(mobilenet.input, out)

weights = model.get_weights()
model = model_from_json(model.to_json())
model.set_weights(weights)

model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
train_ds, val_ds = load_client_dataset("data/client0", image_size=(224, 224))
model.fit(train_ds, validation_data=val_ds, epochs=5)

write_to_file("model_config.json", model.to_json())
write_to_file("model_weights.txt", encode_weights(model.get_weights()))
