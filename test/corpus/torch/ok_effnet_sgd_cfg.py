# Idiom seen in: CoinCheung/asddfgg docker_train/config/effnetb0.py
# What it reproduces: clean twin of the config-module recipe: opt_args for momentum SGD (nesterov) with
#   weight_decay=5e-5 on the conv/linear kernels only; the 1-d params (biases, BN) get a weight_decay=0 group.
import torch
import torch.nn as nn

from cbl_models import build_model
from imagenet.imagenet_cv2 import get_train_loader

n_gpus = 8
batchsize = 256
n_epoches = 100
opt_type = 'SGD'
opt_args = dict(lr=0.1 * (batchsize / 256) * n_gpus, weight_decay=5e-5, momentum=0.9, nesterov=True)
model_args = dict(model_type='resnet-50', n_classes=1000)
datapth = './imagenet/'
cropsize = 224
num_workers = 4


def set_optimizer(model):
    wd_params, non_wd_params = [], []
    for name, param in model.named_parameters():
        if param.dim() == 1:
            non_wd_params.append(param)
        else:
            wd_params.append(param)
    params_list = [{'params': wd_params}, {'params': non_wd_params, 'weight_decay': 0}]
    return torch.optim.SGD(params_list, **opt_args)


def main():
    model = build_model(**model_args).cuda()
    optim = set_optimizer(model)
    criteria = nn.CrossEntropyLoss()
    dl = get_train_loader(datapth, batchsize, cropsize, num_workers)
    for epoch in range(n_epoches):
        for ims, lbs in dl:
            loss = criteria(model(ims.cuda()), lbs.cuda())
            optim.zero_grad()
            loss.backward()
            optim.step()


if __name__ == '__main__':
    main()
