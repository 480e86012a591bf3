# Idiom seen in: PanJinquan/pytorch-learning-notes image_classification/train_resNet.py
# What it reproduces: the blog's recipe (loss + Regularization(model)) pasted into a script that already
#   sets weight_decay on the optimizer: the conv/linear weights are decayed twice.
# label-note (placement, after the first run): WD203 moved from the weight_decay= line to the params
#   argument's line, where docs/rules/WD203.md reports it; the verdict is unchanged.
# label-note: WD203 on the SGD weight_decay line (all params: biases and BatchNorm included); WD201 on the
#   line where the explicit penalty joins the loss (same weights as the optimizer decay).
import argparse

import torch
import torch.nn as nn

from flower_data import get_loaders
from net import Net
from regularization import Regularization

parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, default=0.01)
parser.add_argument("--weight_decay", type=float, default=1e-4)
parser.add_argument("--epochs", type=int, default=100)
args = parser.parse_args()

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def net_train(train_loader, epoch_nums):
    model = Net(num_classes=5).to(device)
    reg_loss = Regularization(model, args.weight_decay, p=2).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9,  # expect: WD203
                                weight_decay=args.weight_decay)
    criterion = nn.CrossEntropyLoss().to(device)
    for epoch in range(epoch_nums):
        model.train()
        for step, (batch_x, batch_y) in enumerate(train_loader):
            batch_x, batch_y = batch_x.to(device), batch_y.to(device=device, dtype=torch.int64)
            out = model(batch_x)
            loss = criterion(input=out, target=batch_y)
            loss = loss + reg_loss(model)  # expect: WD201
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if step % 10 == 0:
                print("step/epoch:{}/{}, train loss: {:.6f}".format(step, epoch, loss.item()))
        torch.save(model.state_dict(), "models/model_epoch{}.pth".format(epoch))


if __name__ == "__main__":
    train_loader, _ = get_loaders(batch_size=32)
    net_train(train_loader, args.epochs)
