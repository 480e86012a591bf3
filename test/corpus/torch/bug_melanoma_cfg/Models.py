# Idiom seen in: Med-Amine-saighi/SIIM-ISIC-Melanoma-Classification src/Models.py
# What it reproduces: timm backbone plus a small head (Linear + BatchNorm1d) built from the CFG module;
#   its biases and BN affine parameters are handed to the decaying Adam in train.py.
import timm
import torch.nn as nn


class CustomModel(nn.Module):
    def __init__(self, cfg, pretrained=True):
        super().__init__()
        self.cfg = cfg
        self.backbone = timm.create_model(cfg.model_name, pretrained=pretrained)
        n_features = self.backbone.classifier.in_features
        self.backbone.classifier = nn.Identity()
        self.neck = nn.Sequential(
            nn.Linear(n_features, cfg.fc_dim),
            nn.BatchNorm1d(cfg.fc_dim),
            nn.ReLU(inplace=True),
            nn.Dropout(0.3),
        )
        self.fc = nn.Linear(cfg.fc_dim, cfg.target_size)

    def forward(self, x):
        feats = self.backbone(x)
        return self.fc(self.neck(feats))
