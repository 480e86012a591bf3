# Idiom seen in: marload/ConvNets-TensorFlow2 models/vgg.py
# What it reproduces: the cfg-driven VGG (features Sequential from make_layers, classifier Sequential)
#   with a weight_decay argument added to the Conv2D / Dense layers as kernel_regularizer=l2(...).
from tensorflow.keras import Model, Sequential, layers, regularizers

cfg = {
    'A': [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
    'D': [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M'],
}


class VGG(Model):
    def __init__(self, features, num_classes, weight_decay=5e-4, input_shape=(32, 32, 3)):
        super(VGG, self).__init__()
        self.features = Sequential([layers.Input(input_shape), features])
        self.classifier = Sequential([
            layers.Flatten(),
            layers.Dense(512, activation='relu', kernel_regularizer=regularizers.l2(weight_decay)),
            layers.Dropout(0.5),
            layers.Dense(num_classes, activation='softmax', kernel_regularizer=regularizers.l2(weight_decay)),
        ])

    def call(self, inputs, training=False):
        x = self.features(inputs, training=training)
        return self.classifier(x, training=training)


def make_layers(cfg, weight_decay=5e-4):
    nets = []
    for l in cfg:
        if l == 'M':
            nets += [layers.MaxPool2D()]
            continue
        nets += [layers.Conv2D(l, (3, 3), padding='same', kernel_regularizer=regularizers.l2(weight_decay))]
        nets += [layers.BatchNormalization()]
        nets += [layers.ReLU()]
    return Sequential(nets)


def VGG11(num_classes, weight_decay=5e-4):
    return VGG(make_layers(cfg['A'], weight_decay), num_classes, weight_decay)


def VGG16(num_classes, weight_decay=5e-4):
    return VGG(make_layers(cfg['D'], weight_decay), num_classes, weight_decay)
