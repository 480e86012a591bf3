# Idiom seen in: open-mmlab/mmsegmentation mmseg/models/segmentors/base.py (loss dict contract),
#   mmseg/models/segmentors/encoder_decoder.py (backbone + decode head, losses.update(...))
# What it reproduces: an encoder-decoder whose decode head is regularized by hand (the optimizer decay was
#   set to 0 so BatchNorm is not decayed): the head's squared conv weights are added to the losses dict under
#   the key 'l2_reg'. `_parse_losses` only sums keys containing 'loss', so the term is logged every
#   iteration and never reaches loss.backward().
# label-note: WD104 on the line computing the head penalty (it only reaches the log_vars floats). 'acc_seg'
#   is dropped by the same filter on purpose (a metric).
import torch
import torch.nn as nn
import torch.nn.functional as F

from base import BaseSegmentor


def conv_bn_relu(cin, cout, dilation=1):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=dilation, dilation=dilation, bias=False),
                         nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class FCNHead(nn.Module):
    def __init__(self, in_channels, channels, num_classes):
        super().__init__()
        self.convs = nn.Sequential(conv_bn_relu(in_channels, channels), conv_bn_relu(channels, channels))
        self.conv_seg = nn.Conv2d(channels, num_classes, 1)

    def forward(self, x):
        return self.conv_seg(self.convs(x))


class EncoderDecoder(BaseSegmentor):
    def __init__(self, num_classes=19, head_l2=1e-4, ignore_index=255):
        super().__init__()
        self.backbone = nn.Sequential(conv_bn_relu(3, 64), conv_bn_relu(64, 128, 2), conv_bn_relu(128, 256, 4))
        self.decode_head = FCNHead(256, 128, num_classes)
        self.head_l2 = head_l2
        self.ignore_index = ignore_index

    def encode_decode(self, img):
        seg_logit = self.decode_head(self.backbone(img))
        return F.interpolate(seg_logit, size=img.shape[2:], mode="bilinear", align_corners=False)

    def forward_train(self, img, gt_semantic_seg):
        seg_logit = self.encode_decode(img)
        seg_label = gt_semantic_seg.squeeze(1)
        losses = dict()
        losses["decode.loss_ce"] = F.cross_entropy(seg_logit, seg_label, ignore_index=self.ignore_index)
        with torch.no_grad():
            valid = seg_label != self.ignore_index
            losses["decode.acc_seg"] = (seg_logit.argmax(1)[valid] == seg_label[valid]).float().mean() * 100
        head_weights = [m.weight for m in self.decode_head.modules() if isinstance(m, nn.Conv2d)]
        losses["decode.l2_reg"] = self.head_l2 * sum(w.pow(2).sum() for w in head_weights)  # expect: WD104
        return losses
