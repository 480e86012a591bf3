# Idiom seen in: deepinsight/insightface recognition/arcface_torch/train.py
# What it reproduces: two SGD optimizers, one over a param_groups list whose backbone group holds
#   backbone.parameters() (IResNet: BatchNorm/PReLU/bias all decayed at cfg.weight_decay), one over
#   the partial-fc weight only (fine). The backbone group is the decay-on-norms finding (repo's own code).
import argparse
import logging

import torch
from torch.nn.utils import clip_grad_norm_

import losses
from backbones import get_model
from configs.base import config as cfg
from dataset import MXFaceDataset
from partial_fc import PartialFC


def main(args):
    train_set = MXFaceDataset(root_dir=cfg.rec, local_rank=0)
    train_loader = torch.utils.data.DataLoader(train_set, batch_size=cfg.batch_size, shuffle=True, drop_last=True)
    backbone = get_model(cfg.network, dropout=0.0, fp16=cfg.fp16, num_features=cfg.embedding_size)
    backbone.train()

    margin_softmax = losses.get_loss("arcface")
    module_partial_fc = PartialFC(margin_softmax=margin_softmax, num_classes=cfg.num_classes,
                                  embedding_size=cfg.embedding_size, sample_rate=cfg.sample_rate)

    world_size = 1
    param_groups = []
    param_groups.append({
        "params": backbone.parameters(),  # expect: WD203
        "lr": cfg.lr / 512 * cfg.batch_size * world_size,
        "momentum": cfg.momentum,
        "weight_decay": cfg.weight_decay,
    })
    opt_backbone = torch.optim.SGD(param_groups)
    opt_pfc = torch.optim.SGD(params=[{'params': module_partial_fc.parameters()}],
                              lr=cfg.lr / 512 * cfg.batch_size * world_size,
                              momentum=cfg.momentum, weight_decay=cfg.weight_decay)

    num_image = len(train_set)
    total_batch_size = cfg.batch_size * world_size
    decay_step = [x * num_image // total_batch_size for x in cfg.decay_epoch]

    def lr_step_func(current_step):
        return 0.1 ** len([m for m in decay_step if m <= current_step])

    scheduler_backbone = torch.optim.lr_scheduler.LambdaLR(optimizer=opt_backbone, lr_lambda=lr_step_func)
    scheduler_pfc = torch.optim.lr_scheduler.LambdaLR(optimizer=opt_pfc, lr_lambda=lr_step_func)

    global_step = 0
    for epoch in range(cfg.num_epoch):
        for step, (img, label) in enumerate(train_loader):
            global_step += 1
            features = backbone(img)
            loss = module_partial_fc(features, label)
            loss.backward()
            clip_grad_norm_(backbone.parameters(), max_norm=5, norm_type=2)
            opt_backbone.step()
            opt_pfc.step()
            opt_backbone.zero_grad()
            opt_pfc.zero_grad()
            scheduler_backbone.step()
            scheduler_pfc.step()
            if global_step % 50 == 0:
                logging.info("epoch %d step %d loss %.4f", epoch, global_step, loss.item())
        torch.save(backbone.state_dict(), cfg.output + "/backbone.pth")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description='PyTorch ArcFace Training')
    parser.add_argument('--local_rank', type=int, default=0)
    main(parser.parse_args())
