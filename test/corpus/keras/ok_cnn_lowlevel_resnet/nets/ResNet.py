# Idiom seen in: sseung0703/CNN_via_Tensorflow2_low-level nets/ResNet.py
# What it reproduces: a subclassed Keras ResNet that injects tf.keras.regularizers.l2(weight_decay) into
#   every tcl.Conv2d / tcl.FC through setattr(cls, 'pre_defined', ...). Trained by op_util.py with
#   tf.add_n(model.losses) in the loss. Clean.
import tensorflow as tf
from nets import tcl


class Model(tf.keras.Model):
    def __init__(self, num_layer, weight_decay, num_class):
        super(Model, self).__init__()

        def kwargs(**kw):
            return kw

        setattr(tcl.Conv2d, 'pre_defined', kwargs(kernel_regularizer=tf.keras.regularizers.l2(weight_decay),
                                                  use_biases=False, activation_fn=None))
        setattr(tcl.FC, 'pre_defined', kwargs(kernel_regularizer=tf.keras.regularizers.l2(weight_decay)))

        depths = {18: ([2, 2, 2], [16, 32, 64], [1, 2, 2])}[num_layer]
        self.stem = tcl.Conv2d([3, 3], 16)
        self.stem_bn = tcl.BatchNorm()
        self.blocks = []
        for nb, depth, stride in zip(*depths):
            for j in range(nb):
                s = stride if j == 0 else 1
                self.blocks.append((tcl.Conv2d([3, 3], depth, strides=s), tcl.BatchNorm(),
                                    tcl.Conv2d([3, 3], depth), tcl.BatchNorm(),
                                    tcl.Conv2d([1, 1], depth, strides=s) if s > 1 else None))
        self.fc = tcl.FC(num_class)

    def call(self, x, training=False):
        x = tf.nn.relu(self.stem_bn(self.stem(x), training=training))
        for conv0, bn0, conv1, bn1, proj in self.blocks:
            y = tf.nn.relu(bn0(conv0(x), training=training))
            y = bn1(conv1(y), training=training)
            if proj is not None:
                x = proj(x)
            x = tf.nn.relu(x + y)
        x = tf.reduce_mean(x, [1, 2])
        return self.fc(x)
