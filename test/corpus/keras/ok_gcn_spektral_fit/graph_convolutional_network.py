# Idiom seen in: HarlockOfficial/Deep-Learning-and-Computer-Vision neural_network/graph_convolutional_network.py
# What it reproduces: a subclassed Keras GCN over spektral GCNConv layers, l2(2.5e-4) kernel_regularizer on the
# first convolution as in Kipf & Welling. Trained with compile/fit in training_utility.py, so Keras adds model.losses.
# Clean.
import tensorflow as tf
from spektral.layers.convolutional import gcn_conv


class GraphConvolutionalNetwork(tf.keras.models.Model):

    def __init__(self, n_label=1, activation='relu', output_activation='linear', use_bias=True, **kwargs):
        super(GraphConvolutionalNetwork, self).__init__()
        reg = tf.keras.regularizers.l2(2.5e-4)
        self.dropout_0 = tf.keras.layers.Dropout(rate=0.5)
        self.convolution_0 = gcn_conv.GCNConv(channels=16, activation=activation, kernel_regularizer=reg,
                                              use_bias=use_bias)
        self.dropout_1 = tf.keras.layers.Dropout(rate=0.5)
        self.convolution_1 = gcn_conv.GCNConv(channels=n_label, activation=output_activation, use_bias=use_bias)

    def call(self, inputs, training=None, mask=None):
        x, a = inputs
        x = self.dropout_0(x, training=training)
        x = self.convolution_0([x, a])
        x = self.dropout_1(x, training=training)
        return self.convolution_1([x, a])
