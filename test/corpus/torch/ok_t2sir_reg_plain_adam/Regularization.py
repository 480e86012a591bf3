# Idiom seen in: Max-1234-hub/T2S-IR train_comb.py
# Idiom seen in: Max-1234-hub/T2S-IR Regularization.py
# What it reproduces: squared-L2 Regularization module (weight_d 0.1) added to the loss while the student
# is trained with a plain optim.Adam(net.parameters(), lr) without weight_decay: one positive decay, clean.
import torch


class Regularization(torch.nn.Module):
    def __init__(self, model, weight_decay, p=2):
        super(Regularization, self).__init__()
        if weight_decay <= 0:
            print("param weight_decay can not <=0")
            exit(0)
        self.model = model
        self.weight_decay = weight_decay
        self.p = p
        self.weight_list = self.get_weight(model)

    def forward(self, model):
        self.weight_list = self.get_weight(model)
        return self.regularization_loss(self.weight_list, self.weight_decay, p=self.p)

    def get_weight(self, model):
        weight_list = []
        for name, param in model.named_parameters():
            if 'weight' in name:
                weight_list.append((name, param))
        return weight_list

    def regularization_loss(self, weight_list, weight_decay, p=2):
        reg_loss = 0
        for name, w in weight_list:
            reg_loss = reg_loss + torch.norm(w, p=p) ** 2
        return weight_decay * reg_loss
