# Idiom seen in: CoinCheung/BiSeNet configs/bisenetv2_city.py
# What it reproduces: the plain-dict training config of BiSeNetV2 on Cityscapes read by tools/train_amp.py
#   (lr_start, weight_decay 5e-4 for the conv/fc weights only, fp16 on). Clean.

cfg = dict(
    model_type='bisenetv2',
    n_cats=19,
    num_aux_heads=4,
    lr_start=5e-3,
    weight_decay=5e-4,
    warmup_iters=1000,
    max_iter=150000,
    dataset='CityScapes',
    im_root='./datasets/cityscapes',
    train_im_anns='./datasets/cityscapes/train.txt',
    val_im_anns='./datasets/cityscapes/val.txt',
    scales=[0.25, 2.],
    cropsize=[512, 1024],
    ims_per_gpu=8,
    eval_ims_per_gpu=2,
    use_fp16=True,
    use_sync_bn=False,
    respth='./res',
)
