# Idiom seen in: Hunterhuan/CS386 kwargs/mnist/vgg/defaults.py
# What it reproduces: the generic runner: take the experiment kwargs dict, instantiate the model, call
#   the optimizer partial on the parameter groups and the scheduler partial on the optimizer.
# label-note: clean (see defaults.py).
import torch

from cifar_loaders import get_loaders
from defaults import kwargs
from param_groups import split_decay_groups


def train(epoch, model, loader, criterion, optimizer, device):
    model.train()
    seen, correct = 0, 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        out = model(x)
        loss = criterion(out, y)
        loss.backward()
        optimizer.step()
        seen += y.size(0)
        correct += (out.argmax(1) == y).sum().item()
    print(f'epoch {epoch}: train acc {correct / seen:.4f}')


def main(kw=kwargs):
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    model = kw['model'](num_classes=10).to(device)
    criterion = kw['criterion']()
    optimizer = kw['optimizer'](split_decay_groups(model))
    scheduler = kw['scheduler'](optimizer)
    train_loader, _ = get_loaders(kw['batch'])
    for epoch in range(kw['epochs']):
        train(epoch, model, train_loader, criterion, optimizer, device)
        scheduler.step()


if __name__ == '__main__':
    main()
