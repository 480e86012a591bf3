# Idiom seen in: abhishekkrthakur/melanoma-deep-learning main.py
# What it reproduces: the Kaggle melanoma model whose forward() returns (out, loss) for the wtfml
#   Engine. Realistic user mistake (the repo had no penalty): an L2 term on the new head is computed
#   in forward and returned as a third item, but engine.py trains on `loss` only and just logs the
#   penalty, so the head is never decayed (WD104 at the penalty line).
import pretrainedmodels
import torch.nn as nn
from torch.nn import functional as F

HEAD_L2 = 1e-4


class SEResNext50_32x4d(nn.Module):
    def __init__(self, pretrained="imagenet"):
        super(SEResNext50_32x4d, self).__init__()
        self.model = pretrainedmodels.__dict__["se_resnext50_32x4d"](pretrained=pretrained)
        self.out = nn.Linear(2048, 1)

    def forward(self, image, targets):
        bs, _, _, _ = image.shape
        x = self.model.features(image)
        x = F.adaptive_avg_pool2d(x, 1)
        x = x.reshape(bs, -1)
        out = self.out(x)
        loss = nn.BCEWithLogitsLoss()(out, targets.reshape(-1, 1).type_as(out))
        l2 = HEAD_L2 * sum(p.pow(2).sum() for p in self.out.parameters())  # expect: WD104
        return out, loss, l2
