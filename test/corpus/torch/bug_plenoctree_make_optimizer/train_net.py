# Idiom seen in: suoxinkey/PlenOctrees_NeRF-SH tools/train_net.py
# What it reproduces: the entry script: cfg from yacs, optimizer = make_optimizer(cfg, model) (Adam with
#   the config's weight decay), data loaders from a module the workspace does not hold.
import os
import sys
import shutil

import torch
from torch.utils.tensorboard import SummaryWriter

from config import cfg
from data import make_data_loader, make_data_loader_view
from layers import make_loss
from modeling import build_model
from solver import make_optimizer, build_scheduler
from trainer import do_train

torch.cuda.set_device(int(sys.argv[1]))

if len(sys.argv) > 2:
    training_folder = sys.argv[2]
    cfg.merge_from_file(os.path.join(training_folder, 'configs.yml'))
    cfg.freeze()
else:
    cfg.merge_from_file('../configs/config.yml')
    cfg.freeze()
    shutil.copy('../configs/config.yml', os.path.join(cfg.OUTPUT_DIR, 'configs.yml'))

output_dir = cfg.OUTPUT_DIR
writer = SummaryWriter(log_dir=os.path.join(output_dir, 'tensorboard'))

train_loader, dataset = make_data_loader(cfg, is_train=True)
val_loader, dataset_val = make_data_loader_view(cfg, is_train=False)
model = build_model(cfg).cuda()

maxs = torch.max(dataset.bbox[0], dim=0).values.cuda() + 0.5
mins = torch.min(dataset.bbox[0], dim=0).values.cuda() - 0.5
model.set_max_min(maxs, mins)

optimizer = make_optimizer(cfg, model)
scheduler = build_scheduler(optimizer, cfg.SOLVER.WARMUP_ITERS, cfg.SOLVER.START_ITERS,
                            cfg.SOLVER.END_ITERS, cfg.SOLVER.LR_SCALE)
loss_fn = make_loss(cfg)

do_train(cfg, model, train_loader, dataset_val, optimizer, scheduler, loss_fn, writer)
