# Idiom seen in: JihongJu/keras-fcn keras_fcn/blocks.py
# What it reproduces: the FCN block closures with kernel_regularizer=l2(weight_decay), ported to tf.keras; a user's
#   mistake (the repo trains with fit): train_tape.py trains the model in a GradientTape loop whose loss leaves out
#   model.losses, so every regularizer keyword here is dead (WD103 at each).
from tensorflow.keras.layers import Conv2D, Dropout, MaxPooling2D
from tensorflow.keras.regularizers import l2


def vgg_conv(filters, convs, weight_decay=0., block_name="blockx"):
    def f(x):
        for i in range(convs):
            x = Conv2D(filters, (3, 3), activation="relu", padding="same",
                       kernel_initializer="he_normal",
                       kernel_regularizer=l2(weight_decay),  # expect: WD103
                       name="{}_conv{}".format(block_name, i + 1))(x)
        return MaxPooling2D((2, 2), strides=(2, 2), padding="same",
                            name="{}_pool".format(block_name))(x)
    return f


def vgg_fc(filters, weight_decay=0., block_name="block5"):
    def f(x):
        x = Conv2D(filters, (7, 7), activation="relu", padding="same", dilation_rate=(2, 2),
                   kernel_initializer="he_normal",
                   kernel_regularizer=l2(weight_decay),  # expect: WD103
                   name="{}_fc6".format(block_name))(x)
        x = Dropout(0.5)(x)
        x = Conv2D(filters, (1, 1), activation="relu", padding="same",
                   kernel_initializer="he_normal",
                   kernel_regularizer=l2(weight_decay),  # expect: WD103
                   name="{}_fc7".format(block_name))(x)
        return Dropout(0.5)(x)
    return f


def vgg_score(classes, weight_decay=0., block_name="score"):
    def f(x):
        return Conv2D(classes, (1, 1), activation="linear", padding="valid",
                      kernel_initializer="he_normal",
                      kernel_regularizer=l2(weight_decay),  # expect: WD103
                      name=block_name)(x)
    return f
