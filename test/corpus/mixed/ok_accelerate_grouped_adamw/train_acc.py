# Idiom seen in: seilk/fullstack-deeplearning accelerate/example_acc.py
# What it reproduces: an accelerate loop (Accelerator.prepare + accelerator.backward) on a timm ViT whose AdamW
#   comes from a helper that splits parameters by ndim/name: weight matrices decay at 0.05, biases, norms and
#   position/cls tokens do not. Clean.
import argparse

import timm
import torch
from accelerate import Accelerator
from torch.optim.lr_scheduler import CosineAnnealingLR

from datasets_food import get_loaders  # Food-101 loaders, not part of this folder
from optim import get_optimizer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=3e-4)
    parser.add_argument("--weight_decay", type=float, default=0.05)
    args = parser.parse_args()

    accelerator = Accelerator()
    model = timm.create_model("vit_small_patch16_224", pretrained=True, num_classes=101)
    training_dataloader, eval_dataloader = get_loaders(batch_size=64)
    optimizer = get_optimizer(model, learning_rate=args.lr, weight_decay=args.weight_decay)
    scheduler = CosineAnnealingLR(optimizer, T_max=args.epochs * len(training_dataloader))
    loss_function = torch.nn.CrossEntropyLoss(label_smoothing=0.1)

    model, optimizer, training_dataloader, scheduler = accelerator.prepare(
        model, optimizer, training_dataloader, scheduler
    )

    for epoch in range(args.epochs):
        model.train()
        for inputs, targets in training_dataloader:
            optimizer.zero_grad()
            outputs = model(inputs)
            loss = loss_function(outputs, targets)
            accelerator.backward(loss)
            optimizer.step()
            scheduler.step()
        accelerator.print(f"epoch {epoch}: last loss {loss.item():.4f}")


if __name__ == "__main__":
    main()
