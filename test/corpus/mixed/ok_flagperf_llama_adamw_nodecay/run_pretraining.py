# Idiom seen in: FlagOpen/FlagPerf training/benchmarks/llama2_7b_finetune/pytorch/optimizers/__init__.py
# Idiom seen in: FlagOpen/FlagPerf training/benchmarks/llama2_7b_finetune/pytorch/config/_base.py
# Idiom seen in: FlagOpen/FlagPerf training/benchmarks/llama2_7b_finetune/pytorch/run_pretraining.py
# What it reproduces: Hugging Face LLaMA-2 LoRA fine-tune where create_optimizer(model, train_config) builds
# torch AdamW over model.parameters() with weight_decay=train_config.weight_decay, and the config module sets
# weight_decay = 0.0: no decay at all (so no decay on norms/biases either), gradient accumulation. Clean.
from contextlib import nullcontext

import torch
from torch.optim.lr_scheduler import StepLR
from torch.utils.data import DataLoader
from tqdm import tqdm
from transformers import default_data_collator

import config
from dataset import get_llama_dataset
from model import get_llama_model
from optimizers import create_optimizer


def train(model, train_dataloader, optimizer, lr_scheduler, gradient_accumulation_steps, train_config):
    scaler = torch.cuda.amp.GradScaler() if train_config.use_fp16 else None
    autocast = torch.cuda.amp.autocast if train_config.use_fp16 else nullcontext
    for epoch in range(train_config.num_epochs):
        model.train()
        total_loss = 0.0
        for step, batch in enumerate(tqdm(train_dataloader, desc=f"Training Epoch: {epoch + 1}")):
            batch = {k: v.to("cuda:0") for k, v in batch.items()}
            with autocast():
                loss = model(**batch).loss
            loss = loss / gradient_accumulation_steps
            total_loss += loss.detach().float()
            last = step == len(train_dataloader) - 1
            if train_config.use_fp16:
                scaler.scale(loss).backward()
                if (step + 1) % gradient_accumulation_steps == 0 or last:
                    scaler.step(optimizer)
                    scaler.update()
                    optimizer.zero_grad()
            else:
                loss.backward()
                if (step + 1) % gradient_accumulation_steps == 0 or last:
                    optimizer.step()
                    optimizer.zero_grad()
        lr_scheduler.step()
        print(f"Epoch {epoch + 1}: train_epoch_loss={total_loss / len(train_dataloader):.4f}")


def main():
    train_config = config
    torch.manual_seed(train_config.seed)
    model = get_llama_model(train_config)
    dataset_train, dataset_val, tokenizer = get_llama_dataset(train_config)
    train_dataloader = DataLoader(dataset_train, batch_size=train_config.batch_size_training,
                                  num_workers=train_config.num_workers_dataloader, pin_memory=True,
                                  drop_last=True, collate_fn=default_data_collator)
    optimizer = create_optimizer(model, train_config)
    scheduler = StepLR(optimizer, step_size=1, gamma=train_config.gamma)
    train(model, train_dataloader, optimizer, scheduler, train_config.gradient_accumulation_steps, train_config)


if __name__ == "__main__":
    main()
