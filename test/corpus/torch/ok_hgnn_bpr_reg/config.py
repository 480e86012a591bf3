# Idiom seen in: xlx0010/HGNN src/config.py
# What it reproduces: module-level config dicts of a session recommender; loss['decay_reg'] scales the L2 on the
#   batch's item embeddings, which loss.BPRLoss adds to the loss it minimizes (clean).
import torch

info = {
    'device': torch.device('cpu'),
    'weight_folder': './weights/',
}

dataset_choice = 'movielens'
dataset = {
    'steam': {'path': 'data/steam/', 'onesample_size': 12, 'num_items_all': 11667},
    'movielens': {'path': 'data/movielens/', 'onesample_size': 12, 'num_items_all': 3390},
}

model_args = {
    'mymodel': {
        'dim_node': 64,
        'num_items_all': dataset[dataset_choice]['num_items_all'],
        'dim_hidden': 64,
        'n_assign': 5,
    },
}

loss = {
    'decay_reg': 1e-4,
    'decay_ent': 1e-4,
    'lr': 1e-3,
}

train = {
    'path': dataset[dataset_choice]['path'],
    'num_epoch': 200,
    'batch_size': 1024,
}
