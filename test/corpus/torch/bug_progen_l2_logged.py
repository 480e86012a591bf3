# Idiom seen in: jiangjyjy/DS-ProGen inverse_folding/inverse_folding/finetune.py
# What it reproduces: ProGen2 fine-tuning with gradient accumulation, Adam without decay and wandb
#   logging; a user mistake in that idiom: an --l2_coef penalty is computed and added into the logged
#   total, but backward() runs on the bare LM loss, so the penalty never trains anything.
import argparse
import logging

import numpy as np
import torch
import wandb
from torch.utils.data import DataLoader
from tqdm import tqdm

from models.coord_progen import ProGenForCausalLM
from dataset.coords_dataset import Protein_dataset, collate_fn, load_data

logger = logging.getLogger(__name__)


def train_epoch(model, dataset, optimizer, scheduler, epoch, args):
    model.train()
    dataloader = DataLoader(dataset, batch_size=args.batch_size, shuffle=True, collate_fn=collate_fn)
    total_loss = 0
    for i, batch in enumerate(tqdm(dataloader)):
        batch = {k: v.to(next(model.parameters()).device) for k, v in batch.items()}
        loss = model(batch, labels=batch['label']).loss
        loss = loss / args.accumulation_steps
        l2_penalty = args.l2_coef * sum(p.pow(2).sum() for p in model.parameters() if p.requires_grad)  # expect: WD104
        total = loss + l2_penalty
        loss.backward()
        total_loss = total_loss + total.item()
        if (i + 1) % 1000 == 0:
            wandb.log({"batch_loss": total_loss / (i + 1)})
        if (i + 1) % args.accumulation_steps == 0:
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
    logger.info(f"TRAIN epoch {epoch}: loss: {total_loss / len(dataloader)}")
    return total_loss / len(dataloader)


def main(args):
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    wandb.init(project="mmp-if")
    device = torch.device(args.device if torch.cuda.is_available() else "cpu")
    train_data, _ = load_data(args.train_file, False)
    train_data = Protein_dataset(train_data, None, filter_seq_len=512)
    model = ProGenForCausalLM.from_pretrained(args.model).to(device)

    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    training_steps = args.epochs * len(train_data) // (args.batch_size * args.accumulation_steps)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, (s + 1) / args.warmup_steps))
    for epoch in range(1, args.epochs + 1):
        train_epoch(model, train_data, optimizer, scheduler, epoch, args)
    logger.info(f"Finetuning finished after {training_steps} updates.")
    wandb.finish()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=str, default="hugohrban/progen2-small")
    parser.add_argument("--device", type=str, default="cuda")
    parser.add_argument("--train_file", type=str, required=True)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--batch_size", type=int, default=16)
    parser.add_argument("--accumulation_steps", type=int, default=4)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--l2_coef", type=float, default=1e-6)
    parser.add_argument("--warmup_steps", type=int, default=200)
    main(parser.parse_args())
