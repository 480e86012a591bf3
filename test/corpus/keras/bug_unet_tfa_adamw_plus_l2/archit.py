# Idiom seen in: livanosg/unet2 model_fn.py
# What it reproduces: Keras U-Net (archit.Unet) trained in a GradientTape loop with a TensorFlow Addons AdamW
#   (decoupled weight_decay on every variable, no decay_var_list) while the loop also adds a hand-written
#   weight_decay * sum(l2_loss) (= weight_decay/2 * sum(w**2)) over model.trainable_variables: the weights are decayed twice, and the
#   optimizer decay also hits biases and batch-norm scales (user mistake in that setup).
import tensorflow as tf
from tensorflow.keras import layers


def conv_block(x, filters, dropout=0.0):
    for _ in range(2):
        x = layers.Conv2D(filters, 3, padding='same', kernel_initializer='he_normal')(x)
        x = layers.BatchNormalization()(x)
        x = layers.ReLU()(x)
    if dropout:
        x = layers.Dropout(dropout)(x)
    return x


def Unet(input_shape=(256, 256, 1), n_class=2, base=32, depth=4, dropout=0.1):
    inputs = tf.keras.Input(shape=input_shape, name='input')
    skips, x = [], inputs
    for d in range(depth):
        x = conv_block(x, base * 2 ** d, dropout)
        skips.append(x)
        x = layers.MaxPool2D()(x)
    x = conv_block(x, base * 2 ** depth, dropout)
    for d in reversed(range(depth)):
        x = layers.Conv2DTranspose(base * 2 ** d, 2, strides=2, padding='same')(x)
        x = layers.Concatenate()([x, skips[d]])
        x = conv_block(x, base * 2 ** d)
    outputs = layers.Conv2D(n_class, 1, activation='softmax', name='output')(x)
    return tf.keras.Model(inputs, outputs, name='unet')
