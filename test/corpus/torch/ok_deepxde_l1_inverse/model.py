# Idiom seen in: lululxvi/deepxde deepxde/model.py
# Idiom seen in: lululxvi/deepxde deepxde/optimizers/pytorch/optimizers.py
# What it reproduces: Model.compile() for PyTorch: the net's regularizer tuple picks an L1 factor (added to
#   the losses as a sum of |p|) or an L2 factor (given to the optimizer as weight_decay); the PDE's
#   external trainable variables get their own group with weight_decay 0.
import torch

import optimizers


class Model:
    def __init__(self, data, net):
        self.data = data
        self.net = net
        self.opt = None
        self.external_trainable_variables = []

    def compile(self, optimizer, lr=None, loss_weights=None, decay=None, external_trainable_variables=None):
        self.opt_name = optimizer
        self.loss_weights = loss_weights
        if external_trainable_variables is not None:
            self.external_trainable_variables = list(external_trainable_variables)

        l1_factor, l2_factor = 0, 0
        if self.net.regularizer is not None:
            if self.net.regularizer[0] == "l1":
                l1_factor = self.net.regularizer[1]
            elif self.net.regularizer[0] == "l2":
                l2_factor = self.net.regularizer[1]
            else:
                raise NotImplementedError(f"{self.net.regularizer[0]} regularizer hasn't been implemented")

        def outputs_losses(inputs, targets):
            inputs = torch.as_tensor(inputs).requires_grad_()
            outputs_ = self.net(inputs)
            losses = self.data.losses_train(targets, outputs_, torch.nn.functional.mse_loss, inputs, self)
            losses = torch.stack(losses)
            if self.loss_weights is not None:
                losses *= torch.as_tensor(self.loss_weights)
            if l1_factor > 0:
                l1_loss = l1_factor * torch.sum(torch.stack([torch.sum(p.abs()) for p in self.net.parameters()]))
                losses = torch.cat([losses, l1_loss.unsqueeze(0)])
            return outputs_, losses

        optimizer_params = self.net.parameters()
        if self.external_trainable_variables:
            optimizer_params = [
                {"params": optimizer_params},
                {"params": self.external_trainable_variables, "weight_decay": 0},
            ]
        self.opt, self.lr_scheduler = optimizers.get(optimizer_params, self.opt_name, learning_rate=lr,
                                                     decay=decay, weight_decay=l2_factor)

        def train_step(inputs, targets):
            def closure():
                losses = outputs_losses(inputs, targets)[1]
                total_loss = torch.sum(losses)
                self.opt.zero_grad()
                total_loss.backward()
                return total_loss
            self.opt.step(closure)
            if self.lr_scheduler is not None:
                self.lr_scheduler.step()

        self.train_step = train_step

    def train(self, iterations):
        for _ in range(iterations):
            inputs, targets, _ = self.data.train_next_batch()
            self.train_step(inputs, targets)
