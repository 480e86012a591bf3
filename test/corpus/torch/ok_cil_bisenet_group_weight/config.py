# Idiom seen in: lxxue/cil-road-segmentation-2019 model/cil-resnet50/config.py
# What it reproduces: the easydict config of the TorchSeg-style road-segmentation project (lr 1e-2, momentum 0.9,
#   weight_decay 5e-4) read by train.py (clean program).
from easydict import EasyDict as edict

C = edict()
config = C
cfg = C

C.seed = 12345
C.repo_name = 'cil-road-segmentation-2019'
C.snapshot_dir = './log/snapshot'
C.log_dir = './log'
C.log_dir_link = './log_link'

C.num_classes = 2
C.image_height = 400
C.image_width = 400
C.gt_down_sampling = 1

C.bn_eps = 1e-5
C.bn_momentum = 0.1
C.pretrained_model = None

C.lr = 1e-2
C.lr_power = 0.9
C.momentum = 0.9
C.weight_decay = 5e-4
C.batch_size = 16
C.nepochs = 80
C.niters_per_epoch = 1000
