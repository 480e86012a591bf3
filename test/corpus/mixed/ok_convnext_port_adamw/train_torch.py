# Idiom seen in: sayakpaul/keras-convnext-conversion convert.py
# What it reproduces: the PyTorch side of the port fine-tuned with torch.optim.AdamW and two parameter
#   groups (1-D params, biases, norms and layer-scale gammas without decay). Clean.
import torch
import torch.nn.functional as F

import convnext_pt
from config import FINETUNE
from datasets import get_flowers_loader


def param_groups(model, weight_decay):
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        if p.ndim <= 1 or any(k in name for k in FINETUNE["no_decay"]):
            no_decay.append(p)
        else:
            decay.append(p)
    return [{"params": decay, "weight_decay": weight_decay},
            {"params": no_decay, "weight_decay": 0.0}]


def main():
    model = convnext_pt.convnext_tiny(num_classes=FINETUNE["num_classes"])
    optimizer = torch.optim.AdamW(param_groups(model, FINETUNE["weight_decay"]),
                                  lr=FINETUNE["learning_rate"])
    loader = get_flowers_loader(batch_size=FINETUNE["batch_size"])
    for epoch in range(FINETUNE["epochs"]):
        for images, labels in loader:
            optimizer.zero_grad()
            loss = F.cross_entropy(model(images), labels)
            loss.backward()
            optimizer.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    main()
