# Idiom seen in: GuanxingLu/ManiGaussian third_party/ODISE/configs/common/optim.py
# What it reproduces: detectron2-style optimizer config (AdamW over get_default_optimizer_params with
# weight_decay_norm=0.0 and weight_decay_bias=0.0): decoupled decay on kernels only. Clean.
OPTIM = dict(
    lr=1e-4,
    weight_decay=0.05,
    weight_decay_norm=0.0,
    weight_decay_bias=0.0,
    betas=(0.9, 0.999),
)
