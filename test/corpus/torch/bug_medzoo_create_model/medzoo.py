# Idiom seen in: black0017/MedicalZooPytorch lib/medzoo/__init__.py
# What it reproduces: create_model(args) builds the network and then one optimizer per name; every branch
# decays all parameters (biases, norm affine) and the Adam/RMSprop branches use coupled L2 (real repo code).
import torch.optim as optim

from unet3d import UNet3D, CNN

model_list = ['UNET3D', 'CNN']


def create_model(args):
    model_name = args.model
    assert model_name in model_list
    optimizer_name = args.opt
    lr = args.lr
    in_channels = args.inChannels
    num_classes = args.classes
    weight_decay = 0.0000000001
    print("Building Model . . . . . . . ." + model_name)

    if model_name == 'UNET3D':
        model = UNet3D(in_channels=in_channels, n_classes=num_classes, base_n_filter=8)
    elif model_name == 'CNN':
        model = CNN(num_classes, in_channels=in_channels)

    print(model_name, 'Number of params: {}'.format(
        sum([p.data.nelement() for p in model.parameters()])))

    if optimizer_name == 'sgd':
        optimizer = optim.SGD(model.parameters(), lr=lr, momentum=0.9, weight_decay=weight_decay)  # expect: WD203
    elif optimizer_name == 'adam':
        optimizer = optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)  # expect: WD202, WD203
    elif optimizer_name == 'rmsprop':
        optimizer = optim.RMSprop(model.parameters(), lr=lr, weight_decay=weight_decay)  # expect: WD202, WD203

    return model, optimizer
