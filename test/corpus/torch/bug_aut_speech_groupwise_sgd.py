# Idiom seen in: Andy-Shao/AMAuT AuT/speech_commands/train.py
# What it reproduces: SHOT-style optimizer: one SGD param group per named parameter (no filter), and the
# epoch-level lr_scheduler writes param_group['weight_decay'] = 1e-3 into every group, so the audio
# transformer's LayerNorm weights and all biases are decayed like the weight matrices.
import argparse

import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader
from tqdm import tqdm

from lib.spDataset import SpeechCommandsDataset  # not part of this workspace
from lib.wavUtils import build_mel_transform  # not part of this workspace


class AudioTransform(nn.Module):
    def __init__(self, n_mels=80, embed_size=768, depth=6, heads=12):
        super().__init__()
        self.embed = nn.Linear(n_mels, embed_size)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, embed_size))
        layer = nn.TransformerEncoderLayer(embed_size, heads, dim_feedforward=4 * embed_size, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, depth)
        self.norm = nn.LayerNorm(embed_size)

    def forward(self, x):
        x = self.embed(x.transpose(1, 2))
        x = torch.cat([self.cls_token.expand(x.size(0), -1, -1), x], dim=1)
        return self.norm(self.encoder(x))[:, 0]


class AudioClassifier(nn.Module):
    def __init__(self, embed_size=768, class_num=30):
        super().__init__()
        self.bottleneck = nn.Sequential(nn.Linear(embed_size, 256), nn.BatchNorm1d(256))
        self.fc = nn.Linear(256, class_num)

    def forward(self, x):
        return self.fc(self.bottleneck(x))


def lr_scheduler(optimizer, epoch, lr_cardinality, gamma=10, power=0.75):
    if epoch >= lr_cardinality - 1:
        return optimizer
    decay = (1 + gamma * epoch / lr_cardinality) ** (-power)
    for param_group in optimizer.param_groups:
        param_group['lr'] = param_group['lr0'] * decay
        param_group['weight_decay'] = 1e-3
        param_group['momentum'] = .9
        param_group['nesterov'] = True
    return optimizer


def op_copy(optimizer):
    for param_group in optimizer.param_groups:
        param_group['lr0'] = param_group['lr']
    return optimizer


def build_optimizer(args, auT, auC):
    param_group = []
    learning_rate = args.lr
    for k, v in auT.named_parameters():
        param_group += [{'params': v, 'lr': learning_rate}]
    for k, v in auC.named_parameters():
        param_group += [{'params': v, 'lr': learning_rate}]
    optimizer = optim.SGD(params=param_group)  # expect: WD203
    optimizer = op_copy(optimizer)
    return optimizer


if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--dataset_root_path', type=str)
    ap.add_argument('--max_epoch', type=int, default=200)
    ap.add_argument('--interval', type=int, default=1)
    ap.add_argument('--batch_size', type=int, default=64)
    ap.add_argument('--lr', type=float, default=1e-2)
    ap.add_argument('--lr_cardinality', type=int, default=40)
    ap.add_argument('--class_num', type=int, default=30)
    args = ap.parse_args()
    args.device = 'cuda' if torch.cuda.is_available() else 'cpu'

    train_dataset = SpeechCommandsDataset(root_path=args.dataset_root_path, mode='train',
                                          data_tfs=build_mel_transform(train=True))
    train_loader = DataLoader(train_dataset, batch_size=args.batch_size, shuffle=True, num_workers=8)

    auTmodel = AudioTransform().to(args.device)
    clsmodel = AudioClassifier(class_num=args.class_num).to(args.device)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=0.1)
    optimizer = build_optimizer(args, auTmodel, clsmodel)

    for epoch in range(args.max_epoch):
        auTmodel.train()
        clsmodel.train()
        for features, labels in tqdm(train_loader):
            features, labels = features.to(args.device), labels.to(args.device)
            optimizer.zero_grad()
            outputs = clsmodel(auTmodel(features))
            loss = loss_fn(outputs, labels)
            loss.backward()
            optimizer.step()

        if epoch % args.interval == 0:
            lr_scheduler(optimizer=optimizer, epoch=epoch, lr_cardinality=args.lr_cardinality)
