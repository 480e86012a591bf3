# Idiom seen in: yoshitomo-matsubara/torchdistill configs/sample/ilsvrc2012/ft/resnet18_from_resnet34.yaml
# What it reproduces: the training config (as the dict the YAML loader would return) with an Adam
# optimizer whose params carry weight_decay: coupled L2 under Adam (WD202 at the entry).
train_config = {
    'num_epochs': 100,
    'teacher': {'name': 'resnet34', 'frozen': True},
    'student': {'name': 'resnet18'},
    'optimizer': {
        'type': 'Adam',
        'params': {
            'lr': 0.001,
            'weight_decay': 0.0005,  # expect: WD202
        },
    },
    'scheduler': {'type': 'MultiStepLR', 'params': {'milestones': [30, 60, 90], 'gamma': 0.1}},
    'criterion': {'temperature': 4.0, 'alpha': 0.5},
}
