# Idiom seen in: sseung0703/TF2-jit-compile-on-multi-gpu nets/ResNet.py
# Idiom seen in: sseung0703/TF2-jit-compile-on-multi-gpu nets/tcl.py
# What it reproduces: CIFAR ResNet keeping its layers in an ordered dict self.Layers and pushing defaults
#   (weight_decay included) into the tcl layers through their pre_defined attribute, as the repo's arg_scope does.
import tensorflow as tf

import tcl


class Model(tf.keras.Model):
    def __init__(self, num_layers, num_class, weight_decay=5e-4, name='ResNet', trainable=True, **kwargs):
        super(Model, self).__init__(name=name, **kwargs)
        setattr(tcl.Conv2d, 'pre_defined', {'use_biases': False, 'weight_decay': weight_decay})
        setattr(tcl.FC, 'pre_defined', {'weight_decay': weight_decay})
        setattr(tcl.BatchNorm, 'pre_defined', {'activation_fn': None})

        self.Layers = {}
        network_argments = {
            56: {'blocks': [9, 9, 9], 'depth': [16, 32, 64], 'strides': [1, 2, 2]},
            20: {'blocks': [3, 3, 3], 'depth': [16, 32, 64], 'strides': [1, 2, 2]},
        }
        self.net_args = network_argments[num_layers]

        self.Layers['conv'] = tcl.Conv2d([3, 3], self.net_args['depth'][0], name='conv')
        self.Layers['bn'] = tcl.BatchNorm(name='bn')
        in_depth = self.net_args['depth'][0]
        for i, (nb_resnet_layers, depth, strides) in enumerate(zip(*self.net_args.values())):
            for j in range(nb_resnet_layers):
                name = '/BasicBlock%d.%d/' % (i, j)
                if j != 0:
                    strides = 1
                self.Layers[name + 'conv0'] = tcl.Conv2d([3, 3], depth, strides=strides, name=name + 'conv0')
                self.Layers[name + 'bn0'] = tcl.BatchNorm(name=name + 'bn0')
                self.Layers[name + 'conv1'] = tcl.Conv2d([3, 3], depth, name=name + 'conv1')
                self.Layers[name + 'bn1'] = tcl.BatchNorm(name=name + 'bn1')
                if strides > 1 or depth != in_depth:
                    self.Layers[name + 'conv2'] = tcl.Conv2d([1, 1], depth, strides=strides, name=name + 'conv2')
                    self.Layers[name + 'bn2'] = tcl.BatchNorm(name=name + 'bn2')
                in_depth = depth
        self.Layers['fc'] = tcl.FC(num_class, name='fc')

    def call(self, x, training=None):
        x = tf.nn.relu(self.Layers['bn'](self.Layers['conv'](x), training=training))
        in_depth = self.net_args['depth'][0]
        for i, (nb_resnet_layers, depth, strides) in enumerate(zip(*self.net_args.values())):
            for j in range(nb_resnet_layers):
                name = '/BasicBlock%d.%d/' % (i, j)
                if j != 0:
                    strides = 1
                out = tf.nn.relu(self.Layers[name + 'bn0'](self.Layers[name + 'conv0'](x), training=training))
                out = self.Layers[name + 'bn1'](self.Layers[name + 'conv1'](out), training=training)
                if strides > 1 or depth != in_depth:
                    x = self.Layers[name + 'bn2'](self.Layers[name + 'conv2'](x), training=training)
                x = tf.nn.relu(x + out)
                in_depth = depth
        x = tf.reduce_mean(x, [1, 2])
        return self.Layers['fc'](x)
