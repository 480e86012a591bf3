# Idiom seen in: jianjianGJ/RepulsionGNN parameters/gcn_args.py
# Idiom seen in: jianjianGJ/RepulsionGNN parameters/set_args.py
# What it reproduces: per-dataset hyper-parameter dicts copied onto the argparse namespace by set_args;
#   'reg_weight_decay' is the decay of the "regularized" modules group given to Adam in main.py.
gcn_parameters = {
    'note': 'Loading parameters for GCN on dataset ',
    'arxiv': {
        'architecture': {'num_layers': 3, 'hidden_channels': 256, 'dropout': 0.5, 'batch_norm': True},
        'rsl': 0.1,
        'lr': 0.01,
        'reg_weight_decay': 0.0005,
        'nonreg_weight_decay': 0.0,
    },
    'coauthorcs': {
        'architecture': {'num_layers': 2, 'hidden_channels': 128, 'dropout': 0.5, 'batch_norm': False},
        'rsl': 0.5,
        'lr': 0.01,
        'reg_weight_decay': 0.0005,
        'nonreg_weight_decay': 0.0,
    },
    'amazonphoto': {
        'architecture': {'num_layers': 2, 'hidden_channels': 128, 'dropout': 0.5, 'batch_norm': False},
        'rsl': 0.3,
        'lr': 0.01,
        'reg_weight_decay': 0.0005,
        'nonreg_weight_decay': 0.0,
    },
}


def set_args(args):
    params = gcn_parameters[args.dataset]
    print(gcn_parameters['note'] + args.dataset + '.')
    args.architecture = params['architecture']
    args.rsl = params['rsl']
    args.lr = params['lr']
    args.reg_weight_decay = params['reg_weight_decay']
    args.nonreg_weight_decay = params['nonreg_weight_decay']
