# Idiom seen in: Jiangtong-Li/ZS-SBIR src/main_siamese.py
# Idiom seen in: Jiangtong-Li/ZS-SBIR src/package/model/siamese.py
# Idiom seen in: Jiangtong-Li/ZS-SBIR src/package/loss/regularization.py
# What it reproduces: the real repo's bug: Siamese.forward computes the L2 weight penalty with a _Regularization
#   module and returns it in its tuple, but the training script trains on loss = loss_siamese (the
#   "+ loss_l2" is commented out) and only writes loss_l2 to TensorBoard, so the decay never acts.
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
