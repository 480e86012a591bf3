# Idiom seen in: RiccardoBiondi/3DFemNet Model/model.py
# Idiom seen in: RiccardoBiondi/3DFemNet Network/layers.py
# Idiom seen in: RiccardoBiondi/3DFemNet Network/UNet3D.py
# What it reproduces: the repo's CustomModel.train_step with Conv3D factories given kernel_regularizer
# (a user addition); the step sums self.losses into a tracked metric but (a user mistake; the repo passes
# regularization_losses=self.losses) differentiates compiled_loss(y, y_pred) without it.
import tensorflow.keras as keras
import tensorflow.keras.layers as ly
from tensorflow.keras.regularizers import l2


def MaxPool3D():
    """Customized max pooling layer: (2, 2, 2) kernel and strides, 'same' padding."""
    return ly.MaxPool3D(pool_size=(2, 2, 2), strides=(2, 2, 2), padding='same')


def UpSampling3D(size=(2, 2, 2)):
    return ly.UpSampling3D(size=size)


def Conv3D(filters, kernel_size=(3, 3, 3), strides=1, weight_decay=1e-4):
    """Customization of the 3D convolution layer, with L2 on the kernel."""
    return ly.Conv3D(filters=filters,
                     kernel_size=kernel_size,
                     strides=strides,
                     padding='same',
                     activation='relu',
                     kernel_regularizer=l2(weight_decay))


def Input():
    """batch_size is 1, image shape is (None, None, None, 1)"""
    return keras.Input((None, None, None, 1), batch_size=1)
