# Idiom seen in: elahekhodaie/DRMADE src/model/deepsvdd/config.py
# What it reproduces: the module of Deep SVDD hyperparameters read through hparams.get(key, config.value):
#   SGD with lr 3e-2, momentum 0.9, weight decay 5e-4 (lr*wd = 1.5e-5, far below any limit).
latent_size = 32
radius_factor = 1.

deepsvdd_sgd_base_lr = 3e-2
deepsvdd_sgd_weight_decay = 5e-4
deepsvdd_sgd_momentum = 0.9
deepsvdd_sgd_lr_decay = 0.999995
deepsvdd_sgd_schedule = 40

max_epoch = 150
train_batch_size = 128
normal_classes = [0]
