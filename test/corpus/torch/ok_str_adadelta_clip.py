# Idiom seen in: clovaai/deep-text-recognition-benchmark train.py
# What it reproduces: scene-text recognition training as the repository has it: trainable parameters filtered by
#   requires_grad, Adadelta(lr=1, rho=0.95) or Adam without any weight decay, CTC/attention loss, gradient
#   clipping at 5. Clean: no decay is configured and no penalty is computed.
import argparse
import os
import random
import time

import numpy as np
import torch
import torch.backends.cudnn as cudnn
import torch.nn.init as init
import torch.optim as optim

from dataset import Batch_Balanced_Dataset
from model import Model
from utils import AttnLabelConverter, Averager, CTCLabelConverter

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')


def train(opt):
    opt.select_data = opt.select_data.split('-')
    opt.batch_ratio = opt.batch_ratio.split('-')
    train_dataset = Batch_Balanced_Dataset(opt)
    converter = CTCLabelConverter(opt.character) if 'CTC' in opt.Prediction else AttnLabelConverter(opt.character)
    opt.num_class = len(converter.character)

    model = Model(opt)
    for name, param in model.named_parameters():
        if 'localization_fc2' in name:
            continue
        try:
            if 'bias' in name:
                init.constant_(param, 0.0)
            elif 'weight' in name:
                init.kaiming_normal_(param)
        except Exception:
            if 'weight' in name:
                param.data.fill_(1)
    model = torch.nn.DataParallel(model).to(device)
    model.train()

    if 'CTC' in opt.Prediction:
        criterion = torch.nn.CTCLoss(zero_infinity=True).to(device)
    else:
        criterion = torch.nn.CrossEntropyLoss(ignore_index=0).to(device)
    loss_avg = Averager()

    filtered_parameters = []
    params_num = []
    for p in filter(lambda p: p.requires_grad, model.parameters()):
        filtered_parameters.append(p)
        params_num.append(np.prod(p.size()))
    print('Trainable params num : ', sum(params_num))

    if opt.adam:
        optimizer = optim.Adam(filtered_parameters, lr=opt.lr, betas=(opt.beta1, 0.999))
    else:
        optimizer = optim.Adadelta(filtered_parameters, lr=opt.lr, rho=opt.rho, eps=opt.eps)

    start_time = time.time()
    for i in range(opt.num_iter + 1):
        image_tensors, labels = train_dataset.get_batch()
        image = image_tensors.to(device)
        text, length = converter.encode(labels, batch_max_length=opt.batch_max_length)
        batch_size = image.size(0)
        if 'CTC' in opt.Prediction:
            preds = model(image, text).log_softmax(2)
            preds_size = torch.IntTensor([preds.size(1)] * batch_size)
            torch.backends.cudnn.enabled = False
            cost = criterion(preds.permute(1, 0, 2), text, preds_size, length)
            torch.backends.cudnn.enabled = True
        else:
            preds = model(image, text[:, :-1])
            cost = criterion(preds.view(-1, preds.shape[-1]), text[:, 1:].contiguous().view(-1))

        model.zero_grad()
        cost.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), opt.grad_clip)
        optimizer.step()
        loss_avg.add(cost)

        if i % opt.valInterval == 0:
            print(f'[{i}/{opt.num_iter}] Loss: {loss_avg.val():0.5f} elapsed_time: {time.time() - start_time:0.5f}')
            loss_avg.reset()
            torch.save(model.state_dict(), f'./saved_models/{opt.experiment_name}/iter_{i}.pth')


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--experiment_name', default='None-VGG-BiLSTM-CTC')
    parser.add_argument('--train_data', required=True)
    parser.add_argument('--manualSeed', type=int, default=1111)
    parser.add_argument('--batch_size', type=int, default=192)
    parser.add_argument('--num_iter', type=int, default=300000)
    parser.add_argument('--valInterval', type=int, default=2000)
    parser.add_argument('--adam', action='store_true', help='Whether to use adam (default is Adadelta)')
    parser.add_argument('--lr', type=float, default=1, help='learning rate, default=1.0 for Adadelta')
    parser.add_argument('--beta1', type=float, default=0.9)
    parser.add_argument('--rho', type=float, default=0.95)
    parser.add_argument('--eps', type=float, default=1e-8)
    parser.add_argument('--grad_clip', type=float, default=5)
    parser.add_argument('--select_data', type=str, default='MJ-ST')
    parser.add_argument('--batch_ratio', type=str, default='0.5-0.5')
    parser.add_argument('--batch_max_length', type=int, default=25)
    parser.add_argument('--character', type=str, default='0123456789abcdefghijklmnopqrstuvwxyz')
    parser.add_argument('--Transformation', type=str, default='None')
    parser.add_argument('--FeatureExtraction', type=str, default='VGG')
    parser.add_argument('--SequenceModeling', type=str, default='BiLSTM')
    parser.add_argument('--Prediction', type=str, default='CTC')
    opt = parser.parse_args()
    os.makedirs(f'./saved_models/{opt.experiment_name}', exist_ok=True)
    random.seed(opt.manualSeed)
    np.random.seed(opt.manualSeed)
    torch.manual_seed(opt.manualSeed)
    cudnn.benchmark = True
    train(opt)
