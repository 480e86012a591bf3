# Idiom seen in: jbohnslav/deepethogram deepethogram/losses.py (its feature-extractor training combines the
#   classification loss with the criterion returned by get_regularization_loss)
# What it reproduces: hydra entry point, model from a factory, loss = data loss + explicit L2 on weights
#   only, Adam without weight_decay. No decay is applied twice, none to biases/BN, none is dropped.
import hydra
import torch
from omegaconf import DictConfig
from torch import nn, optim

from losses import get_regularization_loss
from models import build_feature_extractor
from data import get_dataloaders


def train_one_epoch(model, loader, criterion, reg_criterion, optimizer, device):
    model.train()
    running = 0.0
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        logits = model(images)
        data_loss = criterion(logits, labels)
        reg_loss = reg_criterion(model)
        loss = data_loss + reg_loss
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        running += loss.item()
    return running / max(len(loader), 1)


@hydra.main(config_path="conf", config_name="feature_extractor_train")
def main(cfg: DictConfig):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = build_feature_extractor(cfg).to(device)
    loaders = get_dataloaders(cfg)
    criterion = nn.BCEWithLogitsLoss()
    reg_criterion = get_regularization_loss(cfg, model)
    optimizer = optim.Adam(filter(lambda p: p.requires_grad, model.parameters()), lr=cfg.train.lr)
    for epoch in range(cfg.train.num_epochs):
        train_loss = train_one_epoch(model, loaders["train"], criterion, reg_criterion, optimizer, device)
        print("epoch {} train loss {:.4f}".format(epoch, train_loss))


if __name__ == "__main__":
    main()
