# Idiom seen in: Haoyu-Xie/PRCL prcl.py
# What it reproduces: DDP training where the optimizers reach the sub-modules through model.module; both
#   SGD optimizers get every parameter of their module with the config's weight_decay, so the
#   DeepLabv3+ BatchNorm/bias parameters and the head's BN, gamma and beta are decayed (WD203 twice).
import argparse
import random

import torch
import torch.nn as nn
import torchvision.models as models
from torch.nn.parallel import DistributedDataParallel

from ddp_model import Model_with_un
from voc_config import config
from generalframeworks.dataset_helpers.VOC import VOC_BuildData
from generalframeworks.scheduler.my_lr_scheduler import PolyLR
from generalframeworks.util.dist_init import dist_init

parser = argparse.ArgumentParser(description='PRCL semi-supervised segmentation')
parser.add_argument('--port', default=6666, type=int)
parser.add_argument('--job_name', default='voc_662', type=str)


def main():
    args = parser.parse_args()
    rank, local_rank, world_size = dist_init(args.port)
    random.seed(config['Seed'])
    torch.manual_seed(config['Seed'])

    data = VOC_BuildData(data_path=config['Dataset']['data_dir'], txt_path=config['Dataset']['txt_dir'],
                         label_num=config['Dataset']['num_labels'], seed=config['Seed'])
    train_l_dataset, train_u_dataset, test_dataset = data.build()
    train_l_loader = torch.utils.data.DataLoader(
        train_l_dataset, batch_size=config['Dataset']['batch_size'],
        sampler=torch.utils.data.distributed.DistributedSampler(train_l_dataset))
    train_u_loader = torch.utils.data.DataLoader(
        train_u_dataset, batch_size=config['Dataset']['batch_size'],
        sampler=torch.utils.data.distributed.DistributedSampler(train_u_dataset))

    backbone = models.resnet101()
    backbone.load_state_dict(torch.load('./pretrained/resnet101.pth', map_location='cpu'))
    model = Model_with_un(backbone, num_classes=config['Network']['num_class'], output_dim=256,
                          ema_alpha=config['EMA']['alpha'], config=config)
    model = nn.SyncBatchNorm.convert_sync_batchnorm(model).cuda(local_rank)
    model = DistributedDataParallel(model, device_ids=[torch.cuda.current_device()],
                                    find_unused_parameters=True)

    ce_loss = nn.CrossEntropyLoss(ignore_index=-1).cuda(local_rank)
    optimizer = torch.optim.SGD(model.module.model.parameters(), lr=float(config['Optim']['lr']),  # expect: WD203
                                weight_decay=float(config['Optim']['weight_decay']),
                                momentum=0.9, nesterov=True)
    optimizer_uncer = torch.optim.SGD(model.module.uncer_head.parameters(),  # expect: WD203
                                      lr=float(config['Optim']['uncer_lr']),
                                      weight_decay=float(config['Optim']['weight_decay']),
                                      momentum=0.9, nesterov=True)
    total_epoch = config['Training_Setting']['epoch']
    lr_scheduler = PolyLR(optimizer, total_epoch)
    lr_scheduler_uncer = PolyLR(optimizer_uncer, total_epoch)

    for epoch in range(total_epoch):
        train_u_loader.sampler.set_epoch(epoch)
        train_l_loader.sampler.set_epoch(epoch)
        model.module.model.train()
        model.module.uncer_head.train()
        for (img_l, label_l), (img_u, _) in zip(train_l_loader, train_u_loader):
            img_l, label_l = img_l.cuda(local_rank), label_l.cuda(local_rank)
            img_u = img_u.cuda(local_rank)
            pred_l, pred_u, pseudo_labels, pseudo_logits, rep_all, uncer_all = model(img_l, img_u)
            sup_loss = ce_loss(pred_l, label_l)
            mask = pseudo_logits.ge(config['Prcl_Loss']['weak_threshold']).float()
            unsup_loss = (nn.functional.cross_entropy(pred_u, pseudo_labels, reduction='none') * mask).mean()
            loss = sup_loss + unsup_loss + 0.1 * uncer_all.mean()
            optimizer.zero_grad()
            optimizer_uncer.zero_grad()
            loss.backward()
            optimizer.step()
            optimizer_uncer.step()
            model.module.ema_update()
        lr_scheduler.step()
        lr_scheduler_uncer.step()
        if rank == 0:
            torch.save({'model': model.module.model.state_dict(),
                        'ema': model.module.ema_model.state_dict()}, './checkpoints/last.pth')


if __name__ == '__main__':
    main()
