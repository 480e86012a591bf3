# Idiom seen in: liveseongho/DramaQAChallenge2020 code/optimizer/adagrad.py
# Idiom seen in: liveseongho/DramaQAChallenge2020 code/optimizer/__init__.py
# What it reproduces: torch.optim.Adam subclasses built by a `resolve_args` classmethod from the config; weight_decay
#   (read under the misspelt key "weigh_decay" as in the real file, so its 1e-5 default always applies) is splatted into
#   Adam via **options: coupled L2 on all of model.parameters() (real repo).
from torch import optim


class Adam(optim.Adam):
    @classmethod
    def resolve_args(cls, args, params):
        options = {}
        options['lr'] = args.get("learning_rate", 3e-4)
        options['weight_decay'] = args.get("weigh_decay", 1e-5)  # expect: WD202
        return cls(params, **options)


optim_dict = {'adam': Adam}


def get_optimizer(args, model):
    optim_cls = optim_dict[args['optimizer']]
    optimizer = optim_cls.resolve_args(args, model.parameters())  # expect: WD203
    optimizer.zero_grad()
    return optimizer
