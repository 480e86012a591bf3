# Idiom seen in: MLDovakin/gpt-2-finetuned-DnD model.py
# Idiom seen in: MLDovakin/gpt-2-finetuned-DnD train_loop.py
# What it reproduces: GPT-2 wrapped by peft LoRA (bias="none") and trained under accelerate with torch AdamW(model.parameters()) at the
# default weight_decay 0.01; only the LoRA A/B matrices get gradients, frozen LayerNorms/biases are skipped by AdamW. Clean (as in the repo).
import torch
from accelerate import Accelerator
from torch.optim import AdamW
from tqdm.auto import tqdm
from transformers import get_linear_schedule_with_warmup

from model import model
from preprocess import train_dataloader

accelerator = Accelerator()
device = accelerator.device
optimizer = AdamW(model.parameters(), lr=1e-3)
model, optimizer, train_dataloader = accelerator.prepare(model, optimizer, train_dataloader)

num_epochs = 10
num_training_steps = num_epochs * len(train_dataloader)
lr_scheduler = get_linear_schedule_with_warmup(
    optimizer=optimizer, num_warmup_steps=4000, num_training_steps=num_training_steps
)
progress_bar = tqdm(range(num_training_steps))

model.train()
for epoch in range(num_epochs):
    for batch in train_dataloader:
        outputs = model(**batch)
        loss = outputs.loss
        accelerator.backward(loss)
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1)
        optimizer.step()
        lr_scheduler.step()
        optimizer.zero_grad()
        progress_bar.update(1)
    print({"epoch": epoch, "loss": loss.item()})

accelerator.unwrap_model(model).save_pretrained("rugpt3-dnd-lora")
