# Idiom seen in: PanJinquan/pytorch-learning-notes image_classification/train_resNet.py
# What it reproduces: the widely copied `Regularization(nn.Module)` that collects every parameter whose
#   name contains 'weight' and returns weight_decay * sum(||w||_p).
# label-note: 'weight' in name also matches BatchNorm weights (bn1.weight, ...), so the penalty decays
#   normalization parameters: WD203 on the accumulation line (SPEC gives WD203 placement only for
#   optimizers; this is the most natural line). The double decay itself is labelled in train.py.
import torch


class Regularization(torch.nn.Module):
    def __init__(self, model, weight_decay, p=2):
        super().__init__()
        if weight_decay <= 0:
            raise ValueError("param weight_decay can not <= 0")
        self.model = model
        self.weight_decay = weight_decay
        self.p = p
        self.weight_list = self.get_weight(model)

    def forward(self, model):
        self.weight_list = self.get_weight(model)
        return self.regularization_loss(self.weight_list, self.weight_decay, p=self.p)

    @staticmethod
    def get_weight(model):
        weight_list = []
        for name, param in model.named_parameters():
            if 'weight' in name:
                weight_list.append((name, param))
        return weight_list

    @staticmethod
    def regularization_loss(weight_list, weight_decay, p=2):
        reg_loss = 0
        for name, w in weight_list:
            reg_loss = reg_loss + torch.norm(w, p=p)  # expect: WD203
        return weight_decay * reg_loss
