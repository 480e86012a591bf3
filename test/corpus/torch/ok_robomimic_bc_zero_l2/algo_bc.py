# Idiom seen in: ARISE-Initiative/robomimic robomimic/algo/bc.py
# Idiom seen in: ARISE-Initiative/robomimic robomimic/utils/torch_utils.py
# What it reproduces: behavior cloning: an MLP policy, its optimizer from optimizer_from_optim_params()
#   (L2 = 0.0 in the config), and an action loss mixing L2/L1/cosine terms on the predicted actions.
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F

import torch_utils as TorchUtils


class ActorNetwork(nn.Module):
    def __init__(self, obs_dim, ac_dim, layer_dims):
        super().__init__()
        layers, dim = [], obs_dim
        for h in layer_dims:
            layers += [nn.Linear(dim, h), nn.ReLU()]
            dim = h
        layers.append(nn.Linear(dim, ac_dim))
        self.mlp = nn.Sequential(*layers)

    def forward(self, obs):
        return torch.tanh(self.mlp(obs))


class BC(object):
    def __init__(self, algo_config, obs_dim, ac_dim, device):
        self.algo_config = algo_config
        self.optim_params = algo_config["optim_params"]
        self.device = device
        self.nets = nn.ModuleDict()
        self.nets["policy"] = ActorNetwork(obs_dim, ac_dim, algo_config["actor_layer_dims"]).to(device)
        self._create_optimizers()

    def _create_optimizers(self):
        self.optimizers = dict()
        self.lr_schedulers = dict()
        for k in self.optim_params:
            if k in self.nets:
                self.optimizers[k] = TorchUtils.optimizer_from_optim_params(
                    net_optim_params=self.optim_params[k], net=self.nets[k])
                self.lr_schedulers[k] = TorchUtils.lr_scheduler_from_optim_params(
                    net_optim_params=self.optim_params[k], net=self.nets[k], optimizer=self.optimizers[k])

    def _compute_losses(self, predictions, batch):
        losses = OrderedDict()
        a_target = batch["actions"]
        actions = predictions["actions"]
        losses["l2_loss"] = nn.MSELoss()(actions, a_target)
        losses["l1_loss"] = nn.SmoothL1Loss()(actions, a_target)
        losses["cos_loss"] = 1. - F.cosine_similarity(actions[..., :3], a_target[..., :3], dim=-1).mean()
        action_losses = [
            self.algo_config["loss"]["l2_weight"] * losses["l2_loss"],
            self.algo_config["loss"]["l1_weight"] * losses["l1_loss"],
            self.algo_config["loss"]["cos_weight"] * losses["cos_loss"],
        ]
        losses["action_loss"] = sum(action_losses)
        return losses

    def train_on_batch(self, batch, epoch, validate=False):
        with torch.set_grad_enabled(not validate):
            predictions = OrderedDict(actions=self.nets["policy"](batch["obs"]))
            losses = self._compute_losses(predictions, batch)
            info = {"losses": {k: v.item() for k, v in losses.items()}}
            if not validate:
                info["policy_grad_norms"] = TorchUtils.backprop_for_loss(
                    net=self.nets["policy"], optim=self.optimizers["policy"], loss=losses["action_loss"])
        return info

    def on_epoch_end(self, epoch):
        for k in self.lr_schedulers:
            if self.lr_schedulers[k] is not None:
                self.lr_schedulers[k].step()
