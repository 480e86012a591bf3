# Idiom seen in: moein-shariatnia/OpenAI-CLIP README.md
# Idiom seen in: moein-shariatnia/OpenAI-CLIP main.py
# What it reproduces: fine-tuning with a different lr per group; AdamW(weight_decay=0.) overall, and the heads'
# group (itertools.chain of both ProjectionHeads) gets weight_decay=1e-3, which decays their biases and LayerNorms.
import itertools

import torch
from tqdm import tqdm
from transformers import DistilBertTokenizer

import config as CFG
from clip_model import CLIPModel
from dataset import build_loaders, make_train_valid_dfs
from utils import AvgMeter, get_lr


def train_epoch(model, train_loader, optimizer, lr_scheduler, step):
    loss_meter = AvgMeter()
    tqdm_object = tqdm(train_loader, total=len(train_loader))
    for batch in tqdm_object:
        batch = {k: v.to(CFG.device) for k, v in batch.items() if k != "caption"}
        loss = model(batch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step == "batch":
            lr_scheduler.step()
        loss_meter.update(loss.item(), batch["image"].size(0))
        tqdm_object.set_postfix(train_loss=loss_meter.avg, lr=get_lr(optimizer))
    return loss_meter


def main():
    train_df, valid_df = make_train_valid_dfs()
    tokenizer = DistilBertTokenizer.from_pretrained(CFG.text_tokenizer)
    train_loader = build_loaders(train_df, tokenizer, mode="train")

    model = CLIPModel().to(CFG.device)
    params = [
        {"params": model.image_encoder.parameters(), "lr": CFG.image_encoder_lr},
        {"params": model.text_encoder.parameters(), "lr": CFG.text_encoder_lr},
        {"params": itertools.chain(model.image_projection.parameters(), model.text_projection.parameters()), "lr": CFG.head_lr, "weight_decay": CFG.weight_decay},  # expect: WD203
    ]
    optimizer = torch.optim.AdamW(params, weight_decay=0.)
    lr_scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(
        optimizer, mode="min", patience=CFG.patience, factor=CFG.factor
    )
    step = "epoch"

    for epoch in range(CFG.epochs):
        print(f"Epoch: {epoch + 1}")
        model.train()
        train_loss = train_epoch(model, train_loader, optimizer, lr_scheduler, step)
        lr_scheduler.step(train_loss.avg)
        torch.save(model.state_dict(), "best.pt")


if __name__ == "__main__":
    main()
