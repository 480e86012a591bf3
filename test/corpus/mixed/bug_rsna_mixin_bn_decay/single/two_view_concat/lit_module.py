# Idiom seen in: kanazashi-s/rsna_2022_v1 src/single/two_view_concat/model/optimizers.py
# Idiom seen in: kanazashi-s/rsna_2022_v1 src/single/two_view_concat/lit_module.py
# What it reproduces: Lightning module built from mixins; AdamW groups split by the BERT names (bias, LayerNorm.*),
# but the backbone is a timm EfficientNet whose BatchNorm weights are named bn1/bn2, so they land in the decayed group (WD203, as in the repo).
import torch
import torch.nn as nn
import timm

from cfg.general import GeneralCFG
from single.two_view_concat.config import TwoViewConcatCFG
from single.two_view_concat.model.train_net import TrainNetMixin
from single.two_view_concat.model.optimizers import OptimizersMixin


class LitModel(TrainNetMixin, OptimizersMixin):
    def __init__(self):
        super().__init__()
        model_config = {
            "model_name": TwoViewConcatCFG.model_name,
            "num_classes": 0,  # feature extractor
            "in_chans": 1,
            "drop_rate": TwoViewConcatCFG.drop_rate,
            "drop_path_rate": TwoViewConcatCFG.drop_path_rate,
        }
        self.backbone = timm.create_model(**model_config, pretrained=not GeneralCFG.is_kaggle)
        self.fc = nn.Linear(self.backbone.num_features * 2, 1)
        self._init_weights(self.fc)
        self.loss = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(TwoViewConcatCFG.pos_weight))
        self.learning_rate = TwoViewConcatCFG.lr

    def forward(self, inputs):
        mlo_image, cc_image = inputs
        features = torch.cat([self.backbone(mlo_image), self.backbone(cc_image)], dim=1)
        return self.fc(features)

    @staticmethod
    def _init_weights(module):
        if isinstance(module, nn.Linear):
            module.weight.data = nn.init.orthogonal_(module.weight.data)
            if module.bias is not None:
                module.bias.data.zero_()
