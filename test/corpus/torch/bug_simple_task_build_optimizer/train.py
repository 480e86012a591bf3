# Idiom seen in: WickedFoxes/simple_task_pytorch classification_task/train.py
# What it reproduces: argparse CIFAR script whose fit() passes --weight_decay (default 5e-4) and --optimizer to
#   build_optimizer(model, ...); the findings are in optimizer.py.
import argparse
import torch

from resnet import build_model
from optimizer import build_optimizer
from utils.scheduler import build_scheduler
from utils.datasets import build_train_dataloader
from utils.evaluate import evaluate, accuracy


def train_one_epoch(model, loader, optimizer, device, criterion):
    model.train()
    running_loss, n = 0.0, 0
    for images, targets in loader:
        images, targets = images.to(device), targets.to(device)
        optimizer.zero_grad(set_to_none=True)
        logits = model(images)
        loss = criterion(logits, targets)
        loss.backward()
        optimizer.step()
        running_loss += loss.item() * images.size(0)
        n += images.size(0)
    return running_loss / n


def fit(model, train_loader, test_loader, epochs=50, lr=0.1, weight_decay=5e-4, momentum=0.9,
        device=None, scheduler_type="cosine", optimizer_type="SGD"):
    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    model = model.to(device)
    criterion = torch.nn.CrossEntropyLoss()
    optimizer = build_optimizer(model, lr, weight_decay, momentum, optimizer_type)
    scheduler = build_scheduler(optimizer, scheduler_type, epochs)

    best_acc = 0.0
    for epoch in range(1, epochs + 1):
        train_loss = train_one_epoch(model, train_loader, optimizer, device, criterion)
        test_loss, test_acc = evaluate(model, test_loader, device, criterion)
        if scheduler is not None:
            scheduler.step()
        best_acc = max(best_acc, test_acc)
        print(f"[{epoch:03d}/{epochs}] train_loss={train_loss:.4f} test_acc={test_acc:.4f}")
    return best_acc


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='Image Classification Training')
    parser.add_argument('--model', default='resnet', type=str)
    parser.add_argument('--data_dir', default='./data', type=str)
    parser.add_argument('--dataset', default='cifar10', type=str)
    parser.add_argument('--batch_size', default=128, type=int)
    parser.add_argument('--epochs', default=50, type=int)
    parser.add_argument('--learning_rate', default=0.1, type=float)
    parser.add_argument('--weight_decay', default=5e-4, type=float)
    parser.add_argument('--momentum', default=0.9, type=float)
    parser.add_argument('--scheduler', default='cosine', type=str)
    parser.add_argument('--optimizer', default='SGD', type=str)
    parser.add_argument('--num_classes', default=10, type=int)
    args = parser.parse_args()

    train_loader, valid_loader = build_train_dataloader(dataset=args.dataset, data_dir=args.data_dir,
                                                        batch_size=args.batch_size, valid_ratio=0.1)
    model = build_model(args.model, num_classes=args.num_classes)
    fit(model, train_loader, valid_loader, epochs=args.epochs, lr=args.learning_rate,
        weight_decay=args.weight_decay, momentum=args.momentum,
        scheduler_type=args.scheduler, optimizer_type=args.optimizer)
