# Idiom seen in: moyuhao-arch/lung_nodule_project model.py
# Idiom seen in: moyuhao-arch/lung_nodule_project global_config.py
# What it reproduces: a three-view 2D ResNet for LUNA16 nodule patches with kernel_regularizer=l2(1e-4) on its convs and
#   dense head; this training script (user variant) uses a GradientTape loop with a focal loss and never adds
#   model.losses, so every regularizer is dead (WD103 on each regularizer keyword).
import tensorflow as tf
from tensorflow.keras import layers, Model
from tensorflow.keras.regularizers import l2


class ResNet2D:
    def __init__(self, input_shape=(32, 32, 1), num_classes=1, dropout_rate=0.5):
        self.input_shape = input_shape
        self.num_classes = num_classes
        self.dropout_rate = dropout_rate

    def conv_bn_relu(self, x, filters, kernel_size=(3, 3), strides=(1, 1), padding='same'):
        x = layers.Conv2D(filters, kernel_size, strides=strides, padding=padding,
                          kernel_regularizer=l2(1e-4))(x)  # expect: WD103
        x = layers.BatchNormalization()(x)
        return layers.ReLU()(x)

    def residual_block(self, x, filters, strides=(1, 1)):
        shortcut = x
        x = self.conv_bn_relu(x, filters, strides=strides)
        x = layers.Conv2D(filters, (3, 3), padding='same', kernel_regularizer=l2(1e-4))(x)  # expect: WD103
        x = layers.BatchNormalization()(x)
        if strides != (1, 1) or shortcut.shape[-1] != filters:
            shortcut = layers.Conv2D(filters, (1, 1), strides=strides, padding='same')(shortcut)
            shortcut = layers.BatchNormalization()(shortcut)
        x = layers.Add()([x, shortcut])
        return layers.ReLU()(x)

    def build_resnet_backbone(self, input_tensor):
        x = self.conv_bn_relu(input_tensor, 32, kernel_size=(7, 7), strides=(2, 2))
        x = layers.MaxPooling2D((3, 3), strides=(2, 2), padding='same')(x)
        for filters in (64, 128, 256):
            x = self.residual_block(x, filters)
            x = self.residual_block(x, filters)
        return layers.GlobalAveragePooling2D()(x)

    def build_model(self):
        yz_input = layers.Input(shape=self.input_shape, name='yz_input')
        zx_input = layers.Input(shape=self.input_shape, name='zx_input')
        xy_input = layers.Input(shape=self.input_shape, name='xy_input')
        combined = layers.Concatenate()([self.build_resnet_backbone(yz_input),
                                         self.build_resnet_backbone(zx_input),
                                         self.build_resnet_backbone(xy_input)])
        x = layers.Dense(512, activation='relu', kernel_regularizer=l2(1e-4))(combined)  # expect: WD103
        x = layers.Dropout(self.dropout_rate)(x)
        x = layers.Dense(128, activation='relu', kernel_regularizer=l2(1e-4))(x)  # expect: WD103
        x = layers.Dropout(self.dropout_rate)(x)
        output = layers.Dense(1, activation='sigmoid', name='output')(x)
        return Model(inputs=[yz_input, zx_input, xy_input], outputs=output)


def create_model(model_type='resnet', input_shape=(32, 32, 1), num_classes=1, dropout_rate=0.5):
    if model_type == 'resnet':
        return ResNet2D(input_shape, num_classes, dropout_rate).build_model()
    raise ValueError("unsupported model type: {}".format(model_type))
