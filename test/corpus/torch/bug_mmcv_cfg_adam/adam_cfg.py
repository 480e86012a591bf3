# Idiom seen in: open-mmlab/mmcv mmcv/runner/optimizer/builder.py
# Idiom seen in: open-mmlab/mmcv mmcv/runner/optimizer/default_constructor.py
# What it reproduces: an mmcv-style config module; the user switches the schedule to Adam and keeps the
# SGD-era weight_decay in the dict: coupled L2 under Adam (a realistic config edit).
optimizer = dict(type='Adam', lr=1e-3, betas=(0.9, 0.999), weight_decay=1e-4)  # expect: WD202
optimizer_config = dict(grad_clip=dict(max_norm=35, norm_type=2))
lr_config = dict(policy='step', step=[16, 22])
total_epochs = 24
