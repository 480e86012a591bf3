# Idiom seen in: lin-honghui/tianchi_CountyAgriculturalBrain_top1 configs/deeplabv3plus_resnet50_StepLR_Adam.py
# What it reproduces: the competition's config dict; solver entries are dict(type=<torch.optim name>, ...).
#   Clean variant: AdamW (decoupled) and a no_decay_keys list read by make_optimizer.
config = dict(
    enable_backends_cudnn_benchmark=True,
    max_epochs=40 + 1,
    save_period=5,
    save_dir=r"../checkpoints/",
    log_dir=r"../log/",
    train_pipeline=dict(
        dataloader=dict(batch_size=32, num_workers=12, drop_last=True, pin_memory=True, shuffle=True),
        dataset=dict(type="PNG_Dataset", csv_file=r"../data/Crop1024/train.csv",
                     image_dir=r"../data/Crop1024/image/", mask_dir=r"../data/Crop1024/label/"),
    ),
    model=dict(
        net=dict(type="deeplabv3plus", num_classes=5),
        backbone=dict(type="resnet50", pretrained=True, replace_stride_with_dilation=[False, False, 2]),
        head=dict(type="ASPP", in_channels=2048, out_channels=256, dilation_list=[6, 12, 18]),
        loss=dict(type="LabelSmoothing", win_size=11, num_classes=5),
    ),
    lr_scheduler=dict(type="StepLR", step_size=5, gamma=1 / 3),
    optimizer=dict(type="AdamW", lr=1e-4, weight_decay=1e-2, no_decay_keys=["bias", "bn", "norm"]),
)
