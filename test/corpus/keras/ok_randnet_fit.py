# Idiom seen in: philipp-eisen/randomly-wired-networks-keras randnet/train.py
# What it reproduces: a subclassed Keras model (randomly wired net, small regime) that forwards kernel_regularizer /
#   bias_regularizer from its constructor to every Conv2D and Dense it builds, trained with compile() + fit(); fit adds the
#   layers' regularization losses to the compiled loss: clean.
import networkx as nx
from tensorflow.python import keras


class NodeOp(keras.layers.Layer):
    """ReLU - SeparableConv - BN on the weighted sum of the node's inputs."""

    def __init__(self, channels, strides, kernel_regularizer=None, bias_regularizer=None, **kwargs):
        super(NodeOp, self).__init__(**kwargs)
        self.conv = keras.layers.SeparableConv2D(channels, 3, strides=strides, padding='same',
                                                 depthwise_regularizer=kernel_regularizer,
                                                 pointwise_regularizer=kernel_regularizer,
                                                 bias_regularizer=bias_regularizer)
        self.bn = keras.layers.BatchNormalization()

    def call(self, inputs, training=None):
        x = inputs[0] if len(inputs) == 1 else keras.layers.add(inputs)
        return self.bn(self.conv(keras.activations.relu(x)), training=training)


class RandNetSmall(keras.Model):
    def __init__(self, num_classes, channels=78, nodes=32, seed=0,
                 kernel_regularizer=None, bias_regularizer=None):
        super(RandNetSmall, self).__init__()
        self.graph = nx.connected_watts_strogatz_graph(nodes, 4, 0.75, seed=seed)
        self.stem = keras.layers.Conv2D(channels // 2, 3, strides=2, padding='same',
                                        kernel_regularizer=kernel_regularizer,
                                        bias_regularizer=bias_regularizer)
        self.stem_bn = keras.layers.BatchNormalization()
        self.node_ops = [NodeOp(channels, 2 if n == 0 else 1,
                                kernel_regularizer=kernel_regularizer,
                                bias_regularizer=bias_regularizer,
                                name='node_%d' % n)
                         for n in range(nodes)]
        self.pool = keras.layers.GlobalAveragePooling2D()
        self.classifier = keras.layers.Dense(num_classes, activation='softmax',
                                             kernel_regularizer=kernel_regularizer,
                                             bias_regularizer=bias_regularizer)

    def call(self, inputs, training=None):
        x = self.stem_bn(self.stem(inputs), training=training)
        outputs = {}
        for n in sorted(self.graph.nodes()):
            preds = [outputs[p] for p in self.graph.neighbors(n) if p < n] or [x]
            outputs[n] = self.node_ops[n](preds, training=training)
        sinks = [outputs[n] for n in self.graph.nodes() if all(s < n for s in self.graph.neighbors(n))]
        x = sinks[0] if len(sinks) == 1 else keras.layers.average(sinks)
        return self.classifier(self.pool(x))


def train():
    regularizer = keras.regularizers.l2(5e-5)
    model = RandNetSmall(10, kernel_regularizer=regularizer, bias_regularizer=regularizer)
    model.compile(optimizer=keras.optimizers.Adam(0.0004),
                  loss='categorical_crossentropy',
                  metrics=['accuracy'])

    (x_train, y_train), (x_test, y_test) = keras.datasets.cifar10.load_data()
    y_train = keras.utils.to_categorical(y_train, 10)
    y_test = keras.utils.to_categorical(y_test, 10)
    x_train = x_train.astype('float32') / 255
    x_test = x_test.astype('float32') / 255

    model.fit(x_train, y_train, batch_size=32, epochs=100,
              callbacks=[keras.callbacks.TensorBoard(log_dir='log_dir')],
              validation_data=(x_test, y_test))
    model.save_weights('model_weights')


if __name__ == '__main__':
    train()
