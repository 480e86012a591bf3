# Idiom seen in: chenyuntc/simple-faster-rcnn-pytorch model/faster_rcnn.py
# Idiom seen in: chenyuntc/simple-faster-rcnn-pytorch utils/config.py
# What it reproduces: get_optimizer builds one group per parameter (biases lr*2 and no decay, the rest
#   weight_decay=opt.weight_decay) and hands the groups to Adam when opt.use_adam; the user turns use_adam on in
#   Config (option the repo offers): the decaying groups become coupled L2 under Adam.
import fire
from torch.utils import data as data_

from config import opt
from data.dataset import Dataset
from faster_rcnn import FasterRCNNVGG16
from trainer import FasterRCNNTrainer


def train(**kwargs):
    opt._parse(kwargs)
    dataset = Dataset(opt)
    dataloader = data_.DataLoader(dataset, batch_size=1, shuffle=True, num_workers=opt.num_workers)
    faster_rcnn = FasterRCNNVGG16()
    faster_rcnn.get_optimizer()
    trainer = FasterRCNNTrainer(faster_rcnn).cuda()
    lr_ = opt.lr
    for epoch in range(opt.epoch):
        trainer.reset_meters()
        for ii, (img, bbox_, label_, scale) in enumerate(dataloader):
            img, bbox, label = img.cuda().float(), bbox_.cuda(), label_.cuda()
            trainer.train_step(img, bbox, label, float(scale))
            if (ii + 1) % opt.plot_every == 0:
                print(trainer.get_meter_data())
        if epoch == 9:
            trainer.faster_rcnn.scale_lr(opt.lr_decay)
            lr_ = lr_ * opt.lr_decay
        trainer.save(epoch=epoch)


if __name__ == '__main__':
    fire.Fire()
