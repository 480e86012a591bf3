# Idiom seen in: jeya-maria-jose/Medical-Transformer train.py (argparse with --weight-decay/--wd default 1e-5 and --learning_rate 1e-3, ImageToImage2D datasets from utils, LogNLLLoss from metrics, loss.backward() loop)
# What it reproduces: the script hands `args` to lib.build_optimizer; the default --optim is 'adam', so the decay runs as coupled L2 over every parameter (WD202/WD203 labelled in lib/build_optimizer.py).
import argparse

import torch
from torch.utils.data import DataLoader

from lib.build_optimizer import build_optimizer
from lib.models import MedTLite
from metrics import LogNLLLoss  # not in this folder
from utils import ImageToImage2D, JointTransform2D  # not in this folder

parser = argparse.ArgumentParser(description='MedT')
parser.add_argument('--epochs', default=400, type=int)
parser.add_argument('-b', '--batch_size', default=4, type=int)
parser.add_argument('--learning_rate', default=1e-3, type=float)
parser.add_argument('--momentum', default=0.9, type=float)
parser.add_argument('--nesterov', action='store_true')
parser.add_argument('--weight-decay', '--wd', default=1e-5, type=float, dest='weight_decay')
parser.add_argument('--optim', default='adam', choices=['adam', 'sgd'])
parser.add_argument('--train_dataset', required=True, type=str)
parser.add_argument('--imgsize', type=int, default=128)
parser.add_argument('--save_freq', type=int, default=10)
parser.add_argument('--direc', default='./medt', type=str)
args = parser.parse_args()

tf_train = JointTransform2D(crop=None, p_flip=0.5, color_jitter_params=None, long_mask=True)
train_dataset = ImageToImage2D(args.train_dataset, tf_train)
dataloader = DataLoader(train_dataset, batch_size=args.batch_size, shuffle=True)

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
model = MedTLite(img_size=args.imgsize, imgchan=3).to(device)

criterion = LogNLLLoss()
optimizer = build_optimizer(args, model)

for epoch in range(args.epochs):
    epoch_running_loss = 0.0
    for batch_idx, (X_batch, y_batch, *rest) in enumerate(dataloader):
        X_batch = X_batch.to(device)
        y_batch = y_batch.to(device)
        output = model(X_batch)
        loss = criterion(output, y_batch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        epoch_running_loss += loss.item()
    print('epoch [{}/{}], loss:{:.4f}'.format(
        epoch, args.epochs, epoch_running_loss / (batch_idx + 1)))
    if epoch % args.save_freq == 0:
        torch.save(model.state_dict(), '%s/%d_model.pth' % (args.direc, epoch))
