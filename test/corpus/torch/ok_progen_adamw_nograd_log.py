# Idiom seen in: jiangjyjy/DS-ProGen inverse_folding/inverse_folding/finetune.py
# What it reproduces: ProGen2 fine-tuning with gradient accumulation and wandb; decay is AdamW with a
#   no-decay group chosen by shape (1-D params: biases, ln_1/ln_f scales) and the weight norm that is
#   logged is computed under torch.no_grad(), only for monitoring. Clean.
import argparse
import logging

import torch
import wandb
from torch.utils.data import DataLoader
from transformers import get_cosine_schedule_with_warmup

from models.coord_progen import ProGenForCausalLM
from dataset.coords_dataset import Protein_dataset, collate_fn, load_data

logger = logging.getLogger(__name__)


def param_groups(model, weight_decay):
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        if p.ndim < 2 or name.endswith(".bias"):
            no_decay.append(p)
        else:
            decay.append(p)
    return [{"params": decay, "weight_decay": weight_decay}, {"params": no_decay, "weight_decay": 0.0}]


def train_epoch(model, dataset, optimizer, scheduler, epoch, args):
    model.train()
    dataloader = DataLoader(dataset, batch_size=args.batch_size, shuffle=True, collate_fn=collate_fn)
    total_loss = 0
    for i, batch in enumerate(dataloader):
        batch = {k: v.to(next(model.parameters()).device) for k, v in batch.items()}
        loss = model(batch, labels=batch['label']).loss / args.accumulation_steps
        loss.backward()
        total_loss += loss.item()
        if (i + 1) % args.accumulation_steps == 0:
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
        if (i + 1) % 1000 == 0:
            with torch.no_grad():
                weight_norm = sum(p.pow(2).sum() for p in model.parameters()).sqrt()
            wandb.log({"batch_loss": total_loss / (i + 1), "weight_norm": weight_norm.item()})
    logger.info(f"TRAIN epoch {epoch}: loss: {total_loss / len(dataloader)}")


def main(args):
    torch.manual_seed(args.seed)
    wandb.init(project="mmp-if")
    device = torch.device(args.device if torch.cuda.is_available() else "cpu")
    train_data, _ = load_data(args.train_file, False)
    train_data = Protein_dataset(train_data, None, filter_seq_len=512)
    model = ProGenForCausalLM.from_pretrained(args.model).to(device)

    optimizer = torch.optim.AdamW(param_groups(model, args.weight_decay), lr=args.lr)
    training_steps = args.epochs * len(train_data) // (args.batch_size * args.accumulation_steps)
    scheduler = get_cosine_schedule_with_warmup(optimizer, num_warmup_steps=args.warmup_steps,
                                                num_training_steps=training_steps)
    for epoch in range(1, args.epochs + 1):
        train_epoch(model, train_data, optimizer, scheduler, epoch, args)
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
    parser.add_argument("--weight_decay", type=float, default=0.1)
    parser.add_argument("--warmup_steps", type=int, default=200)
    main(parser.parse_args())
