# Idiom seen in: kanazashi-s/rsna_2022_v1 src/single/two_view_concat/model/optimizers.py
# Idiom seen in: kanazashi-s/rsna_2022_v1 src/single/two_view_concat/lit_module.py
# What it reproduces: Lightning module built from mixins; AdamW groups split by the BERT names (bias, LayerNorm.*),
# but the backbone is a timm EfficientNet whose BatchNorm weights are named bn1/bn2, so they land in the decayed group (WD203, as in the repo).
from pathlib import Path

from cfg.general import GeneralCFG


class TwoViewConcatCFG:
    output_dir = Path("/workspace", "output", "single", "two_view_concat")
    model_name = "efficientnet_b0"
    drop_rate = 0.3
    drop_path_rate = 0.2
    lr = 3e-4
    backbone_lr_ratio = 1.0
    fc_lr_ratio = 1.0
    batch_size = 8
    epochs = 4
    max_grad_norm = 10
    accumulate_grad_batches = 16
    weight_decay = 0.01
    loss_function = "BCEWithLogitsLoss"
    pos_weight = [1.0]
    monitor_metric = "score"
    monitor_mode = "max"


if GeneralCFG.debug:
    TwoViewConcatCFG.epochs = 2
    TwoViewConcatCFG.output_dir = Path("/workspace", "output", "single", "debug_two_view_concat")
