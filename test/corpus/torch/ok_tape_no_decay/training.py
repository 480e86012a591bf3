# Idiom seen in: songlab-cal/tape tape/training.py
# Idiom seen in: songlab-cal/tape tape/utils/setup_utils.py
# What it reproduces: TAPE's training runner for a downstream task (fluorescence regression): optimizer
#   from setup_optimizer(), warm-up schedule, gradient accumulation and fp16 with a GradScaler. Clean.
import argparse

import torch
from torch.utils.data import DataLoader

from modeling_bert import ProteinBertForValuePrediction
from optimization import WarmupLinearSchedule
from setup_utils import setup_optimizer
from tape.datasets import FluorescenceDataset


def run_train(args):
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    train_dataset = FluorescenceDataset(args.data_dir, 'train', tokenizer='iupac')
    train_loader = DataLoader(train_dataset, batch_size=args.batch_size, shuffle=True,
                              collate_fn=train_dataset.collate_fn, num_workers=args.num_workers)

    model = ProteinBertForValuePrediction().to(device)
    optimizer = setup_optimizer(model, args.learning_rate)
    num_train_optimization_steps = len(train_loader) // args.gradient_accumulation_steps * args.num_train_epochs
    scheduler = WarmupLinearSchedule(optimizer, args.warmup_steps, num_train_optimization_steps)
    scaler = torch.cuda.amp.GradScaler(enabled=args.fp16)

    for epoch_id in range(args.num_train_epochs):
        model.train()
        for step, batch in enumerate(train_loader):
            batch = {name: tensor.to(device) for name, tensor in batch.items()}
            with torch.cuda.amp.autocast(enabled=args.fp16):
                outputs = model(batch['input_ids'], batch['input_mask'], targets=batch['targets'])
                loss = outputs[0] / args.gradient_accumulation_steps
            scaler.scale(loss).backward()
            if (step + 1) % args.gradient_accumulation_steps == 0:
                scaler.unscale_(optimizer)
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                scaler.step(optimizer)
                scaler.update()
                scheduler.step()
                optimizer.zero_grad()


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='Run Training on the TAPE datasets')
    parser.add_argument('--data_dir', default='./data')
    parser.add_argument('--learning_rate', default=1e-4, type=float)
    parser.add_argument('--batch_size', default=64, type=int)
    parser.add_argument('--num_train_epochs', default=10, type=int)
    parser.add_argument('--num_workers', default=8, type=int)
    parser.add_argument('--warmup_steps', default=10000, type=int)
    parser.add_argument('--gradient_accumulation_steps', default=1, type=int)
    parser.add_argument('--fp16', action='store_true')
    run_train(parser.parse_args())
