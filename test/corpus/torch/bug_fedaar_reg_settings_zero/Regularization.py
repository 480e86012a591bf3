# Idiom seen in: Max-1234-hub/FedAAR Regularization.py
# Idiom seen in: Max-1234-hub/FedAAR federated/fed_aar.py
# What it reproduces: a Regularization module whose squared-L2 term sits under `if self.weight_decay > 0:`,
# built only with settings.WEIGHT_D, which is 0: the decay code never runs (WD303 on the guard).
import torch


class Regularization(torch.nn.Module):
    def __init__(self, model, weight_decay, p=2):
        super(Regularization, self).__init__()
        self.model = model
        self.weight_decay = weight_decay
        self.p = p

    def get_weight(self, model):
        weight_list = []
        for name, param in model.named_parameters():
            if 'weight' in name:
                weight_list.append((name, param))
        return weight_list

    def forward(self, model):
        reg_loss = 0
        if self.weight_decay > 0:  # expect: WD303
            for name, w in self.get_weight(model):
                reg_loss = reg_loss + torch.norm(w, p=self.p) ** 2
            reg_loss = self.weight_decay * reg_loss
        return reg_loss
