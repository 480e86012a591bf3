# Idiom seen in: bes-dev/crnn-pytorch train.py
# What it reproduces: click-driven CRNN/CTC training; Adam(net.parameters(), weight_decay=1e-4) is coupled L2
# (scaled by Adam's adaptive step) and also decays the GRU/Linear biases and the trunk's BatchNorm weights.
import os
import string

import click
import numpy as np
import torch
from torch import nn, optim
from torch.utils.data import DataLoader
from torchvision.transforms import Compose
from tqdm import tqdm

from dataset.data_transform import Resize, ToTensor
from dataset.text_data import TextDataset
from lr_policy import StepLR
from model_loader import load_model


@click.command()
@click.option('--data-path', type=str, default=None, help='Path to dataset')
@click.option('--abc', type=str, default=string.digits + string.ascii_uppercase, help='Alphabet')
@click.option('--seq-proj', type=str, default="10x20", help='Projection of sequence')
@click.option('--backend', type=str, default="resnet18", help='Backend network')
@click.option('--snapshot', type=str, default=None, help='Pre-trained weights')
@click.option('--input-size', type=str, default="320x32", help='Input size')
@click.option('--base-lr', type=float, default=1e-3, help='Base learning rate')
@click.option('--step-size', type=int, default=500, help='Step size')
@click.option('--max-iter', type=int, default=6000, help='Max iterations')
@click.option('--batch-size', type=int, default=256, help='Batch size')
@click.option('--output-dir', type=str, default=None, help='Path for snapshot')
@click.option('--gpu', type=str, default='0', help='List of GPUs for parallel training')
def main(data_path, abc, seq_proj, backend, snapshot, input_size, base_lr, step_size,
         max_iter, batch_size, output_dir, gpu):
    os.environ["CUDA_VISIBLE_DEVICES"] = gpu
    cuda = gpu != ''
    seq_proj = [int(x) for x in seq_proj.split('x')]
    input_size = [int(x) for x in input_size.split('x')]
    transform = Compose([Resize(size=(input_size[0], input_size[1])), ToTensor()])
    data = TextDataset(data_path=data_path, mode="train", transform=transform)

    net = load_model(data.get_abc(), seq_proj, backend, snapshot, cuda)
    optimizer = optim.Adam(net.parameters(), lr=base_lr, weight_decay=0.0001)  # expect: WD202, WD203
    lr_scheduler = StepLR(optimizer, step_size=step_size, max_iter=max_iter)
    loss_function = nn.CTCLoss(zero_infinity=True)

    epoch_count = 0
    while lr_scheduler.last_iter < max_iter:
        loader = DataLoader(data, batch_size=batch_size, num_workers=4, shuffle=True,
                            collate_fn=data.collate_fn)
        loss_mean = []
        iterator = tqdm(loader)
        for sample in iterator:
            optimizer.zero_grad()
            imgs = sample["img"]
            labels = sample["seq"].view(-1)
            label_lens = sample["seq_len"].int()
            if cuda:
                imgs = imgs.cuda()
            preds = net(imgs).cpu()
            pred_lens = torch.IntTensor([preds.size(0)] * imgs.size(0))
            loss = loss_function(preds.log_softmax(2), labels, pred_lens, label_lens)
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 10.0)
            loss_mean.append(loss.item())
            iterator.set_description("epoch: {}; iter: {}; lr: {}; loss_mean: {:.4f}".format(
                epoch_count, lr_scheduler.last_iter, lr_scheduler.get_lr(), np.mean(loss_mean)))
            optimizer.step()
            lr_scheduler.step()
        if output_dir is not None:
            torch.save(net.state_dict(), os.path.join(output_dir, "crnn_" + backend + "_last"))
        epoch_count += 1


if __name__ == '__main__':
    main()
