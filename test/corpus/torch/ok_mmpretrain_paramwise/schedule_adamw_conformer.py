# Idiom seen in: open-mmlab/mmpretrain configs/_base_/schedules/imagenet_bs1024_adamw_conformer.py
# What it reproduces: the schedule config with AdamW and paramwise_cfg (norm_decay_mult=0,
#   bias_decay_mult=0, cls_token excluded). Clean.
paramwise_cfg = dict(
    norm_decay_mult=0.0,
    bias_decay_mult=0.0,
    custom_keys={
        '.cls_token': dict(decay_mult=0.0),
    })

optimizer = dict(
    type='AdamW',
    lr=5e-4 * 128 * 8 / 512,
    weight_decay=0.05,
    eps=1e-8,
    betas=(0.9, 0.999),
    paramwise_cfg=paramwise_cfg)

runner = dict(type='EpochBasedRunner', max_epochs=300)
