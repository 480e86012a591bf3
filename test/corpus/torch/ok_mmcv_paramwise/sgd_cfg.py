# Idiom seen in: open-mmlab/mmcv mmcv/runner/optimizer/default_constructor.py
# What it reproduces: an mmcv-style config with paramwise_cfg: biases and norm parameters get
# decay multiplier 0, the conv/linear weights the base 5e-4 under momentum SGD (clean).
optimizer = dict(type='SGD', lr=0.01, momentum=0.9, weight_decay=5e-4,
                 paramwise_cfg=dict(bias_decay_mult=0.0, norm_decay_mult=0.0))
total_epochs = 120
