# Idiom seen in: naamiinepal/tunevlseg denseclip_configs/_base_/schedules/schedule_40k.py
# What it reproduces: an mmseg-style schedule config: plain dict optimizer with weight_decay and no
#   paramwise_cfg (so nothing excludes norms or biases).
optimizer = {"type": "SGD", "lr": 0.01, "momentum": 0.9, "weight_decay": 0.0005}
optimizer_config = {}
lr_config = {"policy": "poly", "power": 0.9, "min_lr": 1e-4, "by_epoch": False}
runner = {"type": "IterBasedRunner", "max_iters": 40000}
checkpoint_config = {"by_epoch": False, "interval": 4000}
evaluation = {"interval": 4000, "metric": "mIoU"}
