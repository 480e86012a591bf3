# Idiom seen in: zhangzhao2022/pointscatter configs/_base_/schedules/schedule_40k.py
# What it reproduces: mmseg-style schedule config `optimizer = dict(type='Adam', lr=0.001, weight_decay=0.0001)`
#   turned into torch.optim.Adam(model.parameters(), **cfg) by a small builder with no paramwise rules: coupled L2
#   under Adam, and decay on every BatchNorm and bias of the segmentation net (as the config does in mmcv).
# optimizer
optimizer = dict(type='Adam', lr=0.001, weight_decay=0.0001)  # expect: WD202
optimizer_config = dict()
# learning policy
lr_config = dict(policy='poly', power=3, min_lr=1e-8, by_epoch=False)
runner = dict(type='IterBasedRunner', max_iters=40000)
checkpoint_config = dict(by_epoch=False, interval=10000)
evaluation = dict(interval=10000, metric='mDice', pre_eval=True)
