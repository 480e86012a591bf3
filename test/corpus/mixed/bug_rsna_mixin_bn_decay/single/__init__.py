# Idiom seen in: kanazashi-s/rsna_2022_v1 src/single/two_view_concat/model/optimizers.py
# Idiom seen in: kanazashi-s/rsna_2022_v1 src/single/two_view_concat/lit_module.py
# What it reproduces: Lightning module built from mixins; AdamW groups split by the BERT names (bias, LayerNorm.*),
# but the backbone is a timm EfficientNet whose BatchNorm weights are named bn1/bn2, so they land in the decayed group (WD203, as in the repo).
