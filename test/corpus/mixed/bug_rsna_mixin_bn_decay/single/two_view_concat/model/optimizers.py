# Idiom seen in: kanazashi-s/rsna_2022_v1 src/single/two_view_concat/model/optimizers.py
# Idiom seen in: kanazashi-s/rsna_2022_v1 src/single/two_view_concat/lit_module.py
# What it reproduces: Lightning module built from mixins; AdamW groups split by the BERT names (bias, LayerNorm.*),
# but the backbone is a timm EfficientNet whose BatchNorm weights are named bn1/bn2, so they land in the decayed group (WD203, as in the repo).
import torch
import pytorch_lightning as pl
from transformers import get_cosine_schedule_with_warmup

from single.two_view_concat.config import TwoViewConcatCFG


class OptimizersMixin(pl.LightningModule):
    def configure_optimizers(self):
        optimizer_parameters = self.get_optimizer_parameters()
        optimizer = torch.optim.AdamW(optimizer_parameters, lr=TwoViewConcatCFG.lr)

        scheduler = self.get_scheduler(optimizer)
        return {
            "optimizer": optimizer,
            "lr_scheduler": {"scheduler": scheduler, "interval": "step", "frequency": 1},
        }

    def get_optimizer_parameters(self):
        backbone_params = self.backbone.named_parameters()
        no_decay = ["bias", "LayerNorm.bias", "LayerNorm.weight"]
        optimizer_parameters = [
            {
                "params": [p for n, p in backbone_params if not any(nd in n for nd in no_decay)],  # expect: WD203
                "weight_decay": TwoViewConcatCFG.weight_decay,
                "lr": self.learning_rate * TwoViewConcatCFG.backbone_lr_ratio,
            },
            {
                "params": [p for n, p in backbone_params if any(nd in n for nd in no_decay)],
                "weight_decay": 0.0,
                "lr": self.learning_rate * TwoViewConcatCFG.backbone_lr_ratio,
            },
            {
                "params": self.fc.parameters(),
                "weight_decay": 0.0,
                "lr": self.learning_rate * TwoViewConcatCFG.fc_lr_ratio,
            },
        ]
        return optimizer_parameters

    def get_scheduler(self, optimizer):
        return get_cosine_schedule_with_warmup(
            optimizer,
            num_warmup_steps=0,
            num_training_steps=self.trainer.estimated_stepping_batches,
            num_cycles=0.5,
        )
