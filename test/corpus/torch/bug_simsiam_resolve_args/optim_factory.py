# Idiom seen in: sally20921/SimSiam code/optimizer/adam.py
# Idiom seen in: sally20921/SimSiam code/optimizer/__init__.py
# What it reproduces: optimizer classes with a resolve_args(args, params) classmethod that fill an options dict;
#   Adam gets options["weight_decay"] from the config dict (1e-4 here): coupled L2 in Adam, and
#   get_sub_optimizer hands it model.parameters() of a BatchNorm ResNet, so biases/BN are decayed too.
from adam import Adam

optim_dict = {'adam': Adam}


def get_sub_optimizer(args, model):
    sub_optim = optim_dict[args['sub_optimizer']]
    sub_optim = sub_optim.resolve_args(args, model.parameters())  # expect: WD203
    sub_optim.zero_grad()
    return sub_optim
