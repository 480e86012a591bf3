# Idiom seen in: sunnyinAI/FedCCRL utils/optimizers.py
# What it reproduces: a get_optimizer(model, args) factory for federated clients that hands all of
# model.parameters() (ResNet with BatchNorm) to SGD or Adam with args.weight_decay: decay on biases/BN
# in both branches, and coupled L2 under Adam (the default optimizer here).
import torch.optim as optim


def get_optimizer(model, args):
    if args.optimizer == "sgd":
        optimizer = optim.SGD(
            model.parameters(), lr=args.lr, momentum=args.momentum, weight_decay=args.weight_decay  # expect: WD203
        )
    elif args.optimizer == "adam":
        optimizer = optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)  # expect: WD202, WD203
    return optimizer
