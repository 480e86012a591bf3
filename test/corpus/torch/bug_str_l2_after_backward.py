# Idiom seen in: clovaai/deep-text-recognition-benchmark train.py
# What it reproduces: scene-text recognition training (TPS-ResNet-BiLSTM-CTC/Attn, Adadelta lr=1, grad clipping).
#   User mistake on top of the repo: an L2 term on the trainable weights is added to `cost` after cost.backward(),
#   so it only changes the logged loss average; the gradients the optimizer steps with never contain it (WD104).
import argparse
import os
import random
import string
import time

import numpy as np
import torch
import torch.backends.cudnn as cudnn
import torch.optim as optim
import torch.utils.data

from dataset import AlignCollate, Batch_Balanced_Dataset, hierarchical_dataset
from model import Model
from test import validation
from utils import Averager, AttnLabelConverter, CTCLabelConverter

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')


def train(opt):
    opt.select_data = opt.select_data.split('-')
    opt.batch_ratio = opt.batch_ratio.split('-')
    train_dataset = Batch_Balanced_Dataset(opt)
    valid_dataset = hierarchical_dataset(root=opt.valid_data, opt=opt)
    valid_loader = torch.utils.data.DataLoader(
        valid_dataset, batch_size=opt.batch_size, shuffle=True, num_workers=int(opt.workers),
        collate_fn=AlignCollate(imgH=opt.imgH, imgW=opt.imgW, keep_ratio_with_pad=opt.PAD), pin_memory=True)

    converter = CTCLabelConverter(opt.character) if 'CTC' in opt.Prediction else AttnLabelConverter(opt.character)
    opt.num_class = len(converter.character)
    model = torch.nn.DataParallel(Model(opt)).to(device)
    model.train()

    if 'CTC' in opt.Prediction:
        criterion = torch.nn.CTCLoss(zero_infinity=True).to(device)
    else:
        criterion = torch.nn.CrossEntropyLoss(ignore_index=0).to(device)
    loss_avg = Averager()

    filtered_parameters = [p for p in model.parameters() if p.requires_grad]
    if opt.adam:
        optimizer = optim.Adam(filtered_parameters, lr=opt.lr, betas=(opt.beta1, 0.999))
    else:
        optimizer = optim.Adadelta(filtered_parameters, lr=opt.lr, rho=opt.rho, eps=opt.eps)

    best_accuracy = -1
    i = 0
    start_time = time.time()
    while True:
        image_tensors, labels = train_dataset.get_batch()
        image = image_tensors.to(device)
        text, length = converter.encode(labels, batch_max_length=opt.batch_max_length)
        batch_size = image.size(0)

        if 'CTC' in opt.Prediction:
            preds = model(image, text).log_softmax(2)
            preds_size = torch.IntTensor([preds.size(1)] * batch_size)
            cost = criterion(preds.permute(1, 0, 2), text, preds_size, length)
        else:
            preds = model(image, text[:, :-1])
            target = text[:, 1:]
            cost = criterion(preds.view(-1, preds.shape[-1]), target.contiguous().view(-1))

        model.zero_grad()
        cost.backward()
        cost = cost + opt.l2_weight * sum(p.pow(2).sum() for p in filtered_parameters)  # expect: WD104
        torch.nn.utils.clip_grad_norm_(model.parameters(), opt.grad_clip)
        optimizer.step()
        loss_avg.add(cost)

        if i % opt.valInterval == 0:
            print(f'[{i}/{opt.num_iter}] Loss: {loss_avg.val():0.5f} elapsed_time: {time.time() - start_time:0.5f}')
            loss_avg.reset()
            model.eval()
            with torch.no_grad():
                valid_loss, current_accuracy, current_norm_ED, _, _, _, _ = validation(
                    model, criterion, valid_loader, converter, opt)
            model.train()
            if current_accuracy > best_accuracy:
                best_accuracy = current_accuracy
                torch.save(model.state_dict(), f'./saved_models/{opt.experiment_name}/best_accuracy.pth')
        if i == opt.num_iter:
            print('end the training')
            break
        i += 1


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--experiment_name', default='TPS-ResNet-BiLSTM-CTC')
    parser.add_argument('--train_data', required=True)
    parser.add_argument('--valid_data', required=True)
    parser.add_argument('--manualSeed', type=int, default=1111)
    parser.add_argument('--workers', type=int, default=4)
    parser.add_argument('--batch_size', type=int, default=192)
    parser.add_argument('--num_iter', type=int, default=300000)
    parser.add_argument('--valInterval', type=int, default=2000)
    parser.add_argument('--adam', action='store_true')
    parser.add_argument('--lr', type=float, default=1, help='learning rate, default=1.0 for Adadelta')
    parser.add_argument('--beta1', type=float, default=0.9)
    parser.add_argument('--rho', type=float, default=0.95)
    parser.add_argument('--eps', type=float, default=1e-8)
    parser.add_argument('--grad_clip', type=float, default=5)
    parser.add_argument('--l2_weight', type=float, default=1e-5, help='L2 on the trainable weights')
    parser.add_argument('--select_data', type=str, default='MJ-ST')
    parser.add_argument('--batch_ratio', type=str, default='0.5-0.5')
    parser.add_argument('--batch_max_length', type=int, default=25)
    parser.add_argument('--imgH', type=int, default=32)
    parser.add_argument('--imgW', type=int, default=100)
    parser.add_argument('--PAD', action='store_true')
    parser.add_argument('--character', type=str, default='0123456789abcdefghijklmnopqrstuvwxyz')
    parser.add_argument('--sensitive', action='store_true')
    parser.add_argument('--Transformation', type=str, required=True)
    parser.add_argument('--FeatureExtraction', type=str, required=True)
    parser.add_argument('--SequenceModeling', type=str, required=True)
    parser.add_argument('--Prediction', type=str, required=True)
    opt = parser.parse_args()

    os.makedirs(f'./saved_models/{opt.experiment_name}', exist_ok=True)
    if opt.sensitive:
        opt.character = string.printable[:-6]
    random.seed(opt.manualSeed)
    np.random.seed(opt.manualSeed)
    torch.manual_seed(opt.manualSeed)
    cudnn.benchmark = True
    cudnn.deterministic = True
    train(opt)
