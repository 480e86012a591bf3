# Idiom seen in: zzzkkkyyy/PADENet train.py
# Idiom seen in: zzzkkkyyy/PADENet regularization.py
# What it reproduces: PADENet's Regularization(net, 5e-4) module built once around the network and called with
#   no arguments each step; its L2 term is added to the disparity loss that is backpropagated, Adam has per-part
#   groups and no weight_decay, and the validation pass recomputes it under no_grad only to print it. Clean.
import torch


class Regularization(torch.nn.Module):
    def __init__(self, model, weight_decay):
        super(Regularization, self).__init__()
        if weight_decay <= 0:
            print("param weight_decay can not <=0")
            exit(0)
        self.model = model
        self.weight_decay = weight_decay
        self.weight_list = self.get_weight(model)

    def forward(self):
        return self.regularization_loss(self.weight_list, self.weight_decay)

    def get_weight(self, model):
        weight_list = []
        for name, param in model.named_parameters():
            if 'weight' in name and 'bn' not in name:
                weight_list.append((name, param))
        return weight_list

    def regularization_loss(self, weight_list, weight_decay):
        reg_loss = 0
        for name, w in weight_list:
            reg_loss = reg_loss + torch.sum(w.pow(2))
        return weight_decay * reg_loss
