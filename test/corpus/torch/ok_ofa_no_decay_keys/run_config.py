# Idiom seen in: mit-han-lab/once-for-all ofa/imagenet_classification/run_manager/run_config.py
# Idiom seen in: mit-han-lab/once-for-all ofa/imagenet_classification/run_manager/run_manager.py
# What it reproduces: RunConfig.build_optimizer forwarding its fields to the factory, and the run manager
#   splitting the network with get_parameters(keys, mode='exclude'/'include') for the 'bn#bias' keys.
from pytorch_utils import build_optimizer


class RunConfig:
    def __init__(self, n_epochs, init_lr, lr_schedule_type, opt_type, opt_param, weight_decay,
                 label_smoothing, no_decay_keys):
        self.n_epochs = n_epochs
        self.init_lr = init_lr
        self.lr_schedule_type = lr_schedule_type
        self.opt_type = opt_type
        self.opt_param = opt_param
        self.weight_decay = weight_decay
        self.label_smoothing = label_smoothing
        self.no_decay_keys = no_decay_keys

    def build_optimizer(self, net_params):
        return build_optimizer(net_params, self.opt_type, self.opt_param, self.init_lr,
                               self.weight_decay, self.no_decay_keys)


class RunManager:
    def __init__(self, path, net, run_config):
        self.path = path
        self.network = net
        self.run_config = run_config
        if self.run_config.no_decay_keys:
            keys = self.run_config.no_decay_keys.split("#")
            net_params = [
                self.network.get_parameters(keys, mode="exclude"),  # parameters with weight decay
                self.network.get_parameters(keys, mode="include"),  # parameters without weight decay
            ]
        else:
            net_params = [p for p in self.network.parameters() if p.requires_grad]
        self.optimizer = self.run_config.build_optimizer(net_params)
