# Idiom seen in: KaranjotSV/ViT model.py
# Idiom seen in: KaranjotSV/ViT train.py
# What it reproduces: create_ViT + run() that compiles with tfa.optimizers.AdamW(learning_rate,
#   weight_decay) and no decay_var_list, so LayerNorm gammas/betas, biases and the position embedding are
#   decayed too (WD203, as in the repo); the mlp kernels also carry an l2 regularizer (WD201 in layers.py).
import os

os.environ['TF_CPP_MIN_LOG_LEVEL'] = '3'

from tensorflow import keras
from tensorflow.keras import layers
import tensorflow_addons as tfa

from layers import augmentation, Patches, PatchEncoder, mlp
from config import *

classes = 100
in_shape = (32, 32, 3)

(x_train, y_train), (x_test, y_test) = keras.datasets.cifar100.load_data()


def create_ViT():
    inputs = layers.Input(in_shape)
    augmented = augmentation(inputs)
    patches = Patches(patch_size)(augmented)
    encoded_patches = PatchEncoder(num_patches, projection_dim)(patches)
    for _ in range(transformer_layers):
        x1 = layers.LayerNormalization(epsilon=1e-6)(encoded_patches)
        attention_output = layers.MultiHeadAttention(num_heads=num_heads, key_dim=projection_dim, dropout=0.1)(x1, x1)
        x2 = layers.Add()([attention_output, encoded_patches])
        x3 = layers.LayerNormalization(epsilon=1e-6)(x2)
        x3 = mlp(x3, hidden=transformer_units, dropout=0.1)
        encoded_patches = layers.Add()([x3, x2])
    rep = layers.LayerNormalization(epsilon=1e-6)(encoded_patches)
    rep = layers.Dropout(0.5)(layers.Flatten()(rep))
    features = mlp(rep, hidden=mlp_head, dropout=0.5)
    logits = layers.Dense(classes)(features)
    return keras.Model(inputs=inputs, outputs=logits)


def run(model):
    optimizer = tfa.optimizers.AdamW(learning_rate=learning_rate, weight_decay=weight_decay)  # expect: WD203
    model.compile(
        optimizer,
        keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=[keras.metrics.SparseCategoricalAccuracy(name="accuracy"),
                 keras.metrics.SparseTopKCategoricalAccuracy(5, name="top-5-accuracy")],
    )
    checkpoint_path = "/tmp/checkpoint"
    checkpoint_callback = keras.callbacks.ModelCheckpoint(checkpoint_path, monitor="val_accuracy",
                                                          save_best_only=True, save_weights_only=True)
    history = model.fit(x_train, y_train, batch_size=batch, epochs=epochs, validation_split=0.1,
                        callbacks=[checkpoint_callback])
    model.load_weights(checkpoint_path)
    _, accuracy, top_5_accuracy = model.evaluate(x_test, y_test)
    print(f'test accuracy: {accuracy * 100:.2f}')
    return history


if __name__ == '__main__':
    augmentation.layers[0].adapt(x_train)
    run(create_ViT())
