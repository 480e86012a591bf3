# Idiom seen in: CoinCheung/asddfgg docker_train/config/effnetb0.py
# What it reproduces: a python config module with opt_args = dict(lr=..., weight_decay=1e-5, momentum=0.9,
#   alpha=0.9, eps=1e-3) splatted into torch.optim.RMSprop (the repo uses timm RMSpropTF, also coupled):
#   the weight-decay group gets coupled L2 through RMSprop. Biases/BN are correctly kept out (no WD203).

n_gpus = 8
batchsize = 128
n_epoches = 350
n_eval_epoch = 1
warmup = 'linear'
warmup_ratio = 0
opt_type = 'RMSprop'
opt_args = dict(
        lr=1.6e-2 * (batchsize / 256) * n_gpus,
        weight_decay=1e-5, momentum=0.9, alpha=0.9, eps=1e-3)  # expect: WD202
schdlr_args = dict(gamma=0.97, interval=2.4, warmup_iter=5)
grad_clip_norm = 10
datapth = './imagenet/'
model_args = dict(model_type='effcientnet-b0', n_classes=1000)
cropsize = 224
num_workers = 4
ema_alpha = 0.9999
lb_smooth = 0.1
