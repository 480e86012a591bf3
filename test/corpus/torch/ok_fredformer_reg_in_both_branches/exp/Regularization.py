# Idiom seen in: chenzRG/Fredformer exp/Regularization.py
# Idiom seen in: chenzRG/Fredformer exp/exp_main.py
# What it reproduces: Fredformer's Regularization module (explicit L2 over every 'weight' tensor) added as
#   loss + 0.01 * reg_loss(model) in both the AMP and the fp32 branch before backward, with a plain Adam that has
#   no weight_decay of its own: the penalty is the only decay and it is trained on. Clean.
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

    def forward(self, model):
        self.weight_list = self.get_weight(model)
        return self.regularization_loss(self.weight_list, self.weight_decay)

    def get_weight(self, model):
        weight_list = []
        for name, param in model.named_parameters():
            if 'weight' in name:
                weight_list.append((name, param))
        return weight_list

    def regularization_loss(self, weight_list, weight_decay):
        reg_loss = 0
        for name, w in weight_list:
            reg_loss = reg_loss + torch.sum(w ** 2)
        return weight_decay * reg_loss
