# Idiom seen in: sally20921/SimSiam code/optimizer/adam.py
# Idiom seen in: sally20921/SimSiam code/optimizer/__init__.py
# What it reproduces: optimizer classes with a resolve_args(args, params) classmethod that fill an options dict;
#   Adam gets options["weight_decay"] from the config dict (1e-4 here): coupled L2 in Adam, and
#   get_sub_optimizer hands it model.parameters() of a BatchNorm ResNet, so biases/BN are decayed too.
from torch import optim


class Adam(optim.Adam):
    @classmethod
    def resolve_args(cls, args, params):
        options = {}
        options['lr'] = args.get("learning_rate", 0.01)
        options['weight_decay'] = args.get("weight_decay", 0)  # expect: WD202

        return cls(params, **options)
