# Idiom seen in: sally20921/SimSiam code/optimizer/adam.py
# Idiom seen in: sally20921/SimSiam code/optimizer/__init__.py
# What it reproduces: optimizer classes with a resolve_args(args, params) classmethod that fill an options dict;
#   Adam gets options["weight_decay"] from the config dict (1e-4 here): coupled L2 in Adam, and
#   get_sub_optimizer hands it model.parameters() of a BatchNorm ResNet, so biases/BN are decayed too.
config = {
    'stage': 'pretrain',
    'dataset': 'cifar10',
    'image_size': 32,
    'batch_size': 512,
    'epochs': 800,
    'sub_optimizer': 'adam',
    'learning_rate': 1e-3,
    'weight_decay': 1e-4,
    'proj_dim': 2048,
    'pred_dim': 512,
}
