# Idiom seen in: virtual-world-oss/AM-GCN-Reproduct config.py
# What it reproduces: the run's hyperparameters live in a module-level dict; weight_decay 5e-4
#   is read by train.py and handed to torch.optim.Adam (coupled L2 on every parameter).
config = {
    "lr": 0.01,
    "epoch": 200,
    "device": "cpu",
    "dataset": 'cora',
    "model": 'gcn',
    "hiddensize": 16,
    'dropout': 0.5,
    'weight_decay': 5e-4,
    'label_rate': 20,
}
