# Idiom seen in: chenyuntc/simple-faster-rcnn-pytorch model/faster_rcnn.py
# Idiom seen in: chenyuntc/simple-faster-rcnn-pytorch utils/config.py
# What it reproduces: get_optimizer builds one group per parameter (biases lr*2 and no decay, the rest
#   weight_decay=opt.weight_decay) and hands the groups to Adam when opt.use_adam; the user turns use_adam on in
#   Config (option the repo offers): the decaying groups become coupled L2 under Adam.
import torch as t
from torch import nn
from torchvision.models import vgg16

from config import opt
from region_proposal_network import RegionProposalNetwork
from roi_module import RoIPool


def decom_vgg16():
    model = vgg16(pretrained=True)
    features = list(model.features)[:30]
    classifier = list(model.classifier)
    del classifier[6]
    if not opt.use_drop:
        del classifier[5]
        del classifier[2]
    for layer in features[:10]:
        for p in layer.parameters():
            p.requires_grad = False
    return nn.Sequential(*features), nn.Sequential(*classifier)


class FasterRCNNVGG16(nn.Module):
    def __init__(self, n_fg_class=20):
        super().__init__()
        self.extractor, classifier = decom_vgg16()
        self.rpn = RegionProposalNetwork(512, 512, ratios=[0.5, 1, 2], anchor_scales=[8, 16, 32])
        self.roi = RoIPool((7, 7), 1. / 16)
        self.classifier = classifier
        self.cls_loc = nn.Linear(4096, (n_fg_class + 1) * 4)
        self.score = nn.Linear(4096, n_fg_class + 1)

    def forward(self, x, scale=1.):
        h = self.extractor(x)
        rpn_locs, rpn_scores, rois, roi_indices, anchor = self.rpn(h, x.shape[2:], scale)
        pool = self.roi(h, rois, roi_indices).flatten(1)
        fc7 = self.classifier(pool)
        return self.cls_loc(fc7), self.score(fc7), rois, roi_indices

    def get_optimizer(self):
        """return optimizer, It could be overwriten if you want to specify
        special optimizer
        """
        lr = opt.lr
        params = []
        for key, value in dict(self.named_parameters()).items():
            if value.requires_grad:
                if 'bias' in key:
                    params += [{'params': [value], 'lr': lr * 2, 'weight_decay': 0}]
                else:
                    params += [{'params': [value], 'lr': lr, 'weight_decay': opt.weight_decay}]  # expect: WD202
        if opt.use_adam:
            self.optimizer = t.optim.Adam(params)
        else:
            self.optimizer = t.optim.SGD(params, momentum=0.9)
        return self.optimizer

    def scale_lr(self, decay=0.1):
        for param_group in self.optimizer.param_groups:
            param_group['lr'] *= decay
        return self.optimizer
