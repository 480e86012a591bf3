# Idiom seen in: Westlake-AI/OpenBioSeq configs/classification/neuro/EMG/cnn/cnn5/cnn5_p4_bs128_ep40.py
# What it reproduces: an mmcv-style config: AdamW with weight_decay=0.01 and paramwise_options whose
#   regex keys give BatchNorm/LayerNorm/GroupNorm parameters and every bias weight_decay=0.
model = dict(
    type='Classification',
    backbone=dict(type='PlainCNN', depth=5, in_channels=16, patch_size=4, kernel_size=9,
                  base_channels=64, out_channels=512, drop_rate=0.1),
    head=dict(type='ClsHead', in_channels=512, num_classes=18),
)

# optimizer
optimizer = dict(
    type='AdamW',
    lr=3e-4,
    weight_decay=0.01, eps=1e-8, betas=(0.9, 0.999),
    paramwise_options={
        '(bn|ln|gn)(\\d+)?.(weight|bias)': dict(weight_decay=0.),
        'bias': dict(weight_decay=0.),
    })
optimizer_config = dict(grad_clip=None)

# learning policy
lr_config = dict(policy='CosineAnnealing', min_lr=1e-6)
runner = dict(type='EpochBasedRunner', max_epochs=40)
