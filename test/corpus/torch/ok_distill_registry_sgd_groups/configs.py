# Idiom seen in: yoshitomo-matsubara/torchdistill configs/sample/cifar10/kd/resnet20_from_densenet_bc_k12_depth100-final_run.yaml
# What it reproduces: KD config (the dict the YAML loader returns): SGD with momentum and
# weight_decay 5e-4 as defaults; train_kd.py overrides the decay to 0 for the no-decay group. Clean.
train_config = {
    'num_epochs': 182,
    'optimizer': {'type': 'SGD', 'params': {'lr': 0.1, 'momentum': 0.9, 'weight_decay': 0.0005}},
    'scheduler': {'milestones': [91, 136], 'gamma': 0.1},
    'criterion': {'temperature': 4.0, 'alpha': 0.9},
}
