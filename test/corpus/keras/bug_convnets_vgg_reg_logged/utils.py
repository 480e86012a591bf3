# Idiom seen in: marload/ConvNets-TensorFlow2 utils.py
# What it reproduces: choose_nets(name) maps a --nets string to a model constructor.
import vgg


def choose_nets(nets_name, num_classes=10, weight_decay=5e-4):
    nets_name = nets_name.lower()
    if nets_name == 'vgg11':
        return vgg.VGG11(num_classes, weight_decay)
    if nets_name == 'vgg16':
        return vgg.VGG16(num_classes, weight_decay)
    raise NotImplementedError(nets_name)
