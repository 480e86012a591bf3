# Idiom seen in: Jiangtong-Li/ZS-SBIR src/main_siamese.py
# Idiom seen in: Jiangtong-Li/ZS-SBIR src/package/model/siamese.py
# Idiom seen in: Jiangtong-Li/ZS-SBIR src/package/loss/regularization.py
# What it reproduces: the ZS-SBIR Siamese model returns its _Regularization L2 penalty in the forward tuple and
#   the training script adds it, loss = loss_siamese + loss_l2, before backward (Adam without weight_decay):
#   the penalty is trained on. Clean twin of the repo's commented-out version.
import torch.nn as nn

from package.model.vgg import vgg16, vgg16_bn
from package.loss.siamese_loss import _Siamese_loss
from package.loss.regularization import _Regularization


class Siamese(nn.Module):
    def __init__(self, margin, loss_type, distance_type, logger, from_pretrain=True, batch_normalization=True):
        super(Siamese, self).__init__()
        self.margin = margin
        self.loss_type = loss_type
        self.distance_type = distance_type
        if batch_normalization:
            self.model = vgg16_bn(pretrained=from_pretrain, return_type=1)
        else:
            self.model = vgg16(pretrained=from_pretrain, return_type=1)
        self.siamese_loss = _Siamese_loss()
        self.l2_regularization = _Regularization(self.model, 5e-4, logger=logger)

    def forward(self, sketch, image, label):
        sketch_feature = self.model(sketch)
        image_feature = self.model(image)
        loss_siamese, sim, dis_sim = self.siamese_loss(sketch_feature, image_feature, label,
                                                       self.margin, self.loss_type, self.distance_type)
        loss_l2 = self.l2_regularization(self.model)
        return loss_siamese, sim, dis_sim, loss_l2

    def get_feature(self, input):
        return self.model(input)
