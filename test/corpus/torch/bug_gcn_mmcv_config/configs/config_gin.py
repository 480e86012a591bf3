# Idiom seen in: huaifeng1993/optsprime_gcn config/config_gin.py
# What it reproduces: mmcv-style config whose optimizer dict asks for Adam with weight_decay: the builder
# splats it into torch.optim.Adam over all model parameters (coupled L2, biases and BatchNorm included).
optimizer = dict(type='Adam',
                 lr=5e-3,
                 betas=(0.9, 0.999),
                 weight_decay=0.0001)  # expect: WD202

lr_schedule = dict(
    type="StepLR",
    step_size=1000,
    gamma=0.1)

train_cfg = dict(max_epochs=500,
                 print_freq=5,
                 val_step=5,
                 clip_norm=37.5)

model = dict(
    type="GrapNodeCls",
    encoder=dict(
        type="GIN",
        num_features=48,
        hidden_channels=100,
        class_num=1,
    )
)
