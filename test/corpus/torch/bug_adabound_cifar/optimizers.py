# Idiom seen in: Luolc/AdaBound demos/cifar10/main.py
# What it reproduces: the create_optimizer(args, model_params) factory that picks the optimizer by
#   --optim name and hands every branch args.weight_decay (5e-4): coupled L2 under Adagrad/Adam/AMSGrad,
#   and all of the ResNet's parameters (BN and biases too) in one decayed group.
import torch.optim as optim


def create_optimizer(args, model_params):
    if args.optim == 'sgd':
        return optim.SGD(model_params, args.lr, momentum=args.momentum,
                         weight_decay=args.weight_decay)
    elif args.optim == 'adagrad':
        return optim.Adagrad(model_params, args.lr,
                             weight_decay=args.weight_decay)  # expect: WD202
    elif args.optim == 'adam':
        return optim.Adam(model_params, args.lr, betas=(args.beta1, args.beta2),
                          weight_decay=args.weight_decay)  # expect: WD202
    else:
        assert args.optim == 'amsgrad'
        return optim.Adam(model_params, args.lr, betas=(args.beta1, args.beta2),
                          weight_decay=args.weight_decay, amsgrad=True)  # expect: WD202


def get_ckpt_name(model='resnet', optimizer='sgd', lr=0.1, momentum=0.9, beta1=0.9, beta2=0.999):
    name = {
        'sgd': 'lr{}-momentum{}'.format(lr, momentum),
        'adagrad': 'lr{}'.format(lr),
        'adam': 'lr{}-betas{}-{}'.format(lr, beta1, beta2),
        'amsgrad': 'lr{}-betas{}-{}'.format(lr, beta1, beta2),
    }[optimizer]
    return '{}-{}-{}'.format(model, optimizer, name)
