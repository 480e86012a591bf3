# Idiom seen in: ChenJiangxi/Urban-Green-Community-Segmentation configs/_base_/schedules/schedule_80k.py
# What it reproduces: an mmseg-style schedule dict (SGD, weight_decay=0.0005, paramwise_cfg commented out)
# splatted by a small builder onto model.parameters(): BN and bias parameters are decayed as well.
optimizer = dict(type='SGD', lr=0.01, momentum=0.9, weight_decay=0.0005)
# paramwise_cfg = dict(custom_keys={'head': dict(lr_mult=10.)})
optimizer_config = dict()
lr_config = dict(policy='poly', power=0.9, min_lr=1e-4, by_epoch=False)
runner = dict(type='IterBasedRunner', max_iters=80000)
checkpoint_config = dict(by_epoch=False, interval=4000)
