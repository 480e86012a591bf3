# Idiom seen in: Jiangtong-Li/ZS-SBIR src/main_siamese.py
# Idiom seen in: Jiangtong-Li/ZS-SBIR src/package/model/siamese.py
# Idiom seen in: Jiangtong-Li/ZS-SBIR src/package/loss/regularization.py
# What it reproduces: the ZS-SBIR Siamese model returns its _Regularization L2 penalty in the forward tuple and
#   the training script adds it, loss = loss_siamese + loss_l2, before backward (Adam without weight_decay):
#   the penalty is trained on. Clean twin of the repo's commented-out version.
import torch
import torch.nn as nn


class _Regularization(nn.Module):
    def __init__(self, model, weight_decay, logger):
        super(_Regularization, self).__init__()
        if weight_decay <= 0:
            print("param weight_decay can not <=0")
            exit(0)
        self.model = model
        self.logger = logger
        self.weight_decay = weight_decay
        self.weight_list = self.get_weight(model)
        self.weight_info(self.weight_list)

    def forward(self, model):
        self.weight_list = self.get_weight(model)
        return self.regularization_loss(self.weight_list, self.weight_decay)

    def get_weight(self, model):
        # only the weights are penalized, not the biases
        return [(name, param) for name, param in model.named_parameters() if 'weight' in name]

    def regularization_loss(self, weight_list, weight_decay):
        reg_loss = 0
        for _, w in weight_list:
            reg_loss = reg_loss + w.pow(2).sum()
        return weight_decay * reg_loss

    def weight_info(self, weight_list):
        self.logger.info("---------------regularization weight---------------")
        for name, _ in weight_list:
            self.logger.info("\t{}".format(name))
