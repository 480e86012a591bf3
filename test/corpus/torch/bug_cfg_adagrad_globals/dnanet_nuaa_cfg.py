# Idiom seen in: PANPEIWEN/Infrared-Small-Target-Detection-Segmentation-Framework configs/_base_/schedules/schedule_500e.py
# What it reproduces: an mmcv-style Python config whose optimizer dict picks a torch.optim class by name
#   (here Adagrad, as the DNANet recipe uses) and passes weight_decay through `setting`.
# label-note: build_optimizer.py does globals()[type](model.parameters(), **setting): Adagrad with
#   weight_decay>0 is coupled L2 (WD202) and it reaches every bias/BatchNorm parameter (WD203).
model = dict(
    name='DNANet',
    decode_head=dict(type='DNANet', num_classes=1, input_channels=3,
                     num_blocks=[2, 2, 2, 2], nb_filter=[16, 32, 64, 128, 256]),
    loss=dict(type='SoftIoULoss'),
)
data = dict(train_batch=8, test_batch=8, base_size=512, crop_size=512)
optimizer = dict(
    type='Adagrad',
    setting=dict(lr=0.05, weight_decay=1e-4)  # expect: WD202, WD203
)
lr_config = dict(policy='PolyLR', power=0.9, min_lr=1e-4)
runner = dict(max_epochs=800)
