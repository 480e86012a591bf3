# Idiom seen in: Geeks-Z/Research CIL/MyLibraries/LoRACIL/main.py
# What it reproduces: class-incremental fine-tuning of a HF ViT through PEFT: LoraConfig on query/value with
#   modules_to_save=["classifier"], then AdamW(lora_model.parameters(), weight_decay=0.05). get_peft_model freezes
#   the backbone (its biases and LayerNorms get no gradient, so no decay); only LoRA A/B and the head train. Clean.
import argparse

import torch
import torch.nn.functional as F
from peft import LoraConfig, get_peft_model
from transformers import ViTForImageClassification

from data.data_manager import DataManager


def print_trainable_parameters(model):
    trainable, total = 0, 0
    for _, p in model.named_parameters():
        total += p.numel()
        if p.requires_grad:
            trainable += p.numel()
    print(f"trainable params: {trainable} || all params: {total} || trainable%: {100 * trainable / total:.2f}")


def main(args):
    data_manager = DataManager(args.dataset, shuffle=True, seed=args.seed, init_cls=args.init_cls, increment=args.increment)
    model = ViTForImageClassification.from_pretrained(
        "google/vit-base-patch16-224-in21k", num_labels=data_manager.nb_classes, ignore_mismatched_sizes=True
    )
    config = LoraConfig(
        r=16,
        lora_alpha=16,
        target_modules=["query", "value"],
        lora_dropout=0.1,
        bias="none",
        modules_to_save=["classifier"],
    )
    lora_model = get_peft_model(model, config)
    print_trainable_parameters(lora_model)
    lora_model.cuda()

    optimizer = torch.optim.AdamW(lora_model.parameters(), lr=args.lr, weight_decay=0.05)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs * data_manager.nb_tasks)

    for task in range(data_manager.nb_tasks):
        train_loader = data_manager.get_loader(task, split="train", batch_size=args.batch_size)
        for epoch in range(args.epochs):
            lora_model.train()
            for _, images, targets in train_loader:
                images, targets = images.cuda(), targets.cuda()
                logits = lora_model(pixel_values=images).logits
                known = data_manager.get_total_classnum(task)
                loss = F.cross_entropy(logits[:, :known], targets)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            scheduler.step()
        print(f"task {task} done, loss {loss.item():.3f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default="cifar224")
    parser.add_argument("--init_cls", type=int, default=10)
    parser.add_argument("--increment", type=int, default=10)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch_size", type=int, default=48)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=1993)
    main(parser.parse_args())
