# Idiom seen in: Jiangtong-Li/ZS-SBIR src/main_siamese.py
# Idiom seen in: Jiangtong-Li/ZS-SBIR src/package/model/siamese.py
# Idiom seen in: Jiangtong-Li/ZS-SBIR src/package/loss/regularization.py
# What it reproduces: the real repo's bug: Siamese.forward computes the L2 weight penalty with a _Regularization
#   module and returns it in its tuple, but the training script trains on loss = loss_siamese (the
#   "+ loss_l2" is commented out) and only writes loss_l2 to TensorBoard, so the decay never acts.
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
        self.l2_regularization = _Regularization(self.model, 0.1, logger=logger)

    def forward(self, sketch, image, label):
        sketch_feature = self.model(sketch)
        image_feature = self.model(image)
        loss_siamese, sim, dis_sim = self.siamese_loss(sketch_feature, image_feature, label,
                                                       self.margin, self.loss_type, self.distance_type)
        loss_l2 = self.l2_regularization(self.model)  # expect: WD104
        return loss_siamese, sim, dis_sim, loss_l2

    def get_feature(self, input):
        return self.model(input)
