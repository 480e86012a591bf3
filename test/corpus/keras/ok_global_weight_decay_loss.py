# Idiom seen in: mmbejani/keras-regularization regularization/losses/global_weight_decay.py
# Idiom seen in: mmbejani/keras-regularization README.md
# What it reproduces: a loss factory get_loss_with_weight_decay(model, alpha) that closes over the Conv2D/Dense kernels
#   and returns cross entropy + alpha * ||w||; the model is compiled with that loss and a plain Adam (no optimizer
#   decay, no layer regularizers), so the penalty is applied exactly once, through fit. Clean.
import tensorflow as tf
from tensorflow.keras.datasets import cifar10
from tensorflow.keras.layers import Conv2D, Dense, Flatten, Input, MaxPooling2D
from tensorflow.keras.losses import categorical_crossentropy
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import Adam
from tensorflow.keras.utils import to_categorical


def get_loss_with_weight_decay(model: Model, alpha=1e-2):
    vec_weight_list = []
    for layer in model.layers:
        if isinstance(layer, (Conv2D, Dense)):
            vec_weight_list.append(tf.reshape(layer.trainable_weights[0], [-1]))

    def cross_entropy_with_weight_decay(y_true, y_pred):
        vec_weight = tf.concat(vec_weight_list, axis=0)
        return categorical_crossentropy(y_true, y_pred) + alpha * tf.norm(vec_weight)

    return cross_entropy_with_weight_decay


def build_model():
    inp = Input(shape=(32, 32, 3))
    x = Conv2D(32, 3, activation='relu', padding='same')(inp)
    x = MaxPooling2D()(x)
    x = Conv2D(64, 3, activation='relu', padding='same')(x)
    x = MaxPooling2D()(x)
    x = Flatten()(x)
    x = Dense(256, activation='relu')(x)
    out = Dense(10, activation='softmax')(x)
    return Model(inp, out)


(train_x, train_y), (val_x, val_y) = cifar10.load_data()
train_x, val_x = train_x / 255.0, val_x / 255.0
train_y, val_y = to_categorical(train_y, 10), to_categorical(val_y, 10)

model = build_model()
model.compile(Adam(), get_loss_with_weight_decay(model, alpha=1e-3), metrics=['accuracy'])
model.fit(train_x, train_y, epochs=100, batch_size=256, validation_data=(val_x, val_y))
