# Idiom seen in: chenzRG/Fredformer exp/Regularization.py
# Idiom seen in: chenzRG/Fredformer exp/exp_main.py
# What it reproduces: Fredformer's Regularization module (an explicit L2 over every 'weight' tensor, added as
#   loss + 0.01 * reg_loss(model)) kept after the user also gave Adam weight_decay=args.weight_decay (a realistic
#   mistake; the real repo's Adam has no decay): the weights are decayed twice, coupled under Adam, biases/norms too.
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

    def to(self, device):
        self.device = device
        super().to(device)
        return self

    def forward(self, model):
        self.weight_list = self.get_weight(model)
        reg_loss = self.regularization_loss(self.weight_list, self.weight_decay)
        return reg_loss

    def get_weight(self, model):
        weight_list = []
        for name, param in model.named_parameters():
            if 'weight' in name:
                weight_list.append((name, param))
        return weight_list

    def regularization_loss(self, weight_list, weight_decay):
        reg_loss = 0
        for name, w in weight_list:
            reg_loss = reg_loss + torch.sum(w ** 2)  # expect: WD201
        reg_loss = weight_decay * reg_loss
        return reg_loss

    def weight_info(self, weight_list):
        print("---------------regularization weight---------------")
        for name, _ in weight_list:
            print(name)
