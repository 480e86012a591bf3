# Idiom seen in: E-Dreamer-LQ/Training_Tricks regularization.py
# Idiom seen in: Ringares/Pytorch_Prac utils/regularization.py
# What it reproduces: the widely copied Regularization(model, weight_decay) module is only built under
#   `if weight_decay > 0:`, and the script sets weight_decay = 0.0, so the whole L2 path is dead code.
import torch


class Regularization(torch.nn.Module):
    def __init__(self, model, weight_decay, p=2):
        '''
        :param model: the network
        :param weight_decay: regularization factor
        :param p: order of the norm, p=2 is L2, p=1 is L1
        '''
        super(Regularization, self).__init__()
        if weight_decay <= 0:
            print("param weight_decay can not <=0")
            exit(0)
        self.model = model
        self.weight_decay = weight_decay
        self.p = p
        self.weight_list = self.get_weight(model)

    def to(self, device):
        self.device = device
        super().to(device)
        return self

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
            reg_loss = reg_loss + torch.norm(w, p=p)
        return weight_decay * reg_loss

    def weight_info(self, weight_list):
        print("---------------regularization weight---------------")
        for name, w in weight_list:
            print(name)
