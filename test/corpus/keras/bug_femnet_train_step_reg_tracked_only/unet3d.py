# Idiom seen in: RiccardoBiondi/3DFemNet Model/model.py
# Idiom seen in: RiccardoBiondi/3DFemNet Network/layers.py
# Idiom seen in: RiccardoBiondi/3DFemNet Network/UNet3D.py
# What it reproduces: the repo's CustomModel.train_step with Conv3D factories given kernel_regularizer
# (a user addition); the step sums self.losses into a tracked metric but (a user mistake; the repo passes
# regularization_losses=self.losses) differentiates compiled_loss(y, y_pred) without it.
import numpy as np
import tensorflow as tf
import tensorflow.keras.layers as ly

from layers import Input, Conv3D, MaxPool3D, UpSampling3D


class UNet3D:

    def __init__(self, config=None):
        self.n_blocks = config['n_blocks']
        self.filters = config['filter']
        self.weight_decay = config['weight_decay']

    def __call__(self):
        return self._buildUNet()

    def _buildUNet(self):
        inputs = Input()
        p = inputs
        blocks = np.arange(0, self.n_blocks)
        f = self.filters
        skip_connections = []
        for i in blocks:
            c, p = self._addContractingBlock(p, f)
            skip_connections.append(c)
        p = self._addBottleneckBlock(p, f)
        for i in reversed(blocks):
            p = self._addExpandingBlock(p, f, skip_connections[i])
        outputs = ly.Conv3D(1, (1, 1, 1), activation='sigmoid')(p)
        return inputs, outputs

    def _addContractingBlock(self, inputs, filters):
        c = Conv3D(filters, weight_decay=self.weight_decay)(inputs)
        c = Conv3D(filters, weight_decay=self.weight_decay)(c)
        p = MaxPool3D()(c)
        return c, p

    def _addExpandingBlock(self, inputs, filters, skip_connection):
        us = UpSampling3D((2, 2, 2))(inputs)
        concat = ly.Concatenate()([us, skip_connection])
        c = Conv3D(filters, weight_decay=self.weight_decay)(concat)
        c = Conv3D(filters, weight_decay=self.weight_decay)(c)
        return c

    def _addBottleneckBlock(self, inputs, filters):
        c = Conv3D(filters, kernel_size=(1, 1, 1), weight_decay=self.weight_decay)(inputs)
        c = Conv3D(filters, kernel_size=(1, 1, 1), weight_decay=self.weight_decay)(c)
        return c
