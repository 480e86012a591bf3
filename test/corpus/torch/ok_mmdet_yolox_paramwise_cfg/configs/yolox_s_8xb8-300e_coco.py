# Idiom seen in: open-mmlab/mmdetection configs/yolox/yolox_s_8x8_300e_coco.py
# What it reproduces: an mmdet-style Python config: the detector as a nested dict for a registry, and
#   optim_wrapper = SGD(lr 0.01, momentum 0.9, weight_decay 5e-4, nesterov) with
#   paramwise_cfg=dict(norm_decay_mult=0., bias_decay_mult=0.).
# label-note: clean. The constructor (optim_constructor.py) multiplies the decay by 0 for every normalization
#   parameter and every bias; only conv/linear weights keep 5e-4. lr*wd = 5e-6.
model = dict(
    type='YOLOX',
    backbone=dict(type='CSPDarknet', deepen_factor=0.33, widen_factor=0.5, out_indices=(2, 3, 4),
                  norm_cfg=dict(type='BN', momentum=0.03, eps=0.001), act_cfg=dict(type='Swish')),
    neck=dict(type='YOLOXPAFPN', in_channels=[128, 256, 512], out_channels=128, num_csp_blocks=1),
    bbox_head=dict(type='YOLOXHead', num_classes=80, in_channels=128, feat_channels=128))

max_epochs = 300
num_last_epochs = 15
base_lr = 0.01
optim_wrapper = dict(
    type='OptimWrapper',
    optimizer=dict(type='SGD', lr=base_lr, momentum=0.9, weight_decay=5e-4, nesterov=True),
    paramwise_cfg=dict(norm_decay_mult=0., bias_decay_mult=0.))
train_dataloader = dict(batch_size=8, num_workers=4, dataset=dict(type='CocoDataset', data_root='data/coco/'))
