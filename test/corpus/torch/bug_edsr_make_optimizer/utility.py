# Idiom seen in: sanghyun-son/EDSR-PyTorch src/utility.py
# What it reproduces: make_optimizer picks the optimizer class from args.optimizer and puts lr and
# weight_decay into a kwargs dict; with the ADAM default that is coupled L2 on every trainable
# parameter of EDSR, the conv biases included.
import torch.optim as optim
import torch.optim.lr_scheduler as lrs


def make_optimizer(args, my_model):
    trainable = filter(lambda x: x.requires_grad, my_model.parameters())

    if args.optimizer == 'SGD':
        optimizer_function = optim.SGD
        kwargs = {'momentum': args.momentum}
    elif args.optimizer == 'ADAM':
        optimizer_function = optim.Adam
        kwargs = {
            'betas': args.betas,
            'eps': args.epsilon
        }
    elif args.optimizer == 'RMSprop':
        optimizer_function = optim.RMSprop
        kwargs = {'eps': args.epsilon}

    kwargs['lr'] = args.lr
    kwargs['weight_decay'] = args.weight_decay  # expect: WD202

    return optimizer_function(trainable, **kwargs)  # expect: WD203


def make_scheduler(args, my_optimizer):
    if args.decay.find('-') >= 0:
        milestones = list(map(lambda x: int(x), args.decay.split('-')))
        return lrs.MultiStepLR(my_optimizer, milestones=milestones, gamma=args.gamma)
    return lrs.StepLR(my_optimizer, step_size=int(args.decay), gamma=args.gamma)
