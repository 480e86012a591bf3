# Idiom seen in: YutingYantina/TikTok_Video_Content_Dissemination_Analysis Tuned_GPT2_week7/train_tuned_gpt2_model.py
# What it reproduces: the repository's GPT-2 fine-tuning loop: transformers' (legacy) AdamW over model.parameters()
#   with no weight_decay argument. That AdamW's default weight_decay is 0.0 (unlike torch.optim.AdamW's 0.01),
#   so nothing is decayed, biases and ln_* weights included: clean.
import torch
from transformers import AdamW, GPT2LMHeadModel, GPT2Tokenizer, get_scheduler

from tiktok_data import build_dataloader

tokenizer = GPT2Tokenizer.from_pretrained('gpt2')
tokenizer.pad_token = tokenizer.eos_token
model = GPT2LMHeadModel.from_pretrained('gpt2')
train_dataloader = build_dataloader(tokenizer, batch_size=8)

optimizer = AdamW(model.parameters(), lr=5e-5)
num_epochs = 3
num_training_steps = num_epochs * len(train_dataloader)
lr_scheduler = get_scheduler(
    name="linear", optimizer=optimizer, num_warmup_steps=0, num_training_steps=num_training_steps
)
device = torch.device("cuda") if torch.cuda.is_available() else torch.device("cpu")
model.to(device)
model.train()
for epoch in range(num_epochs):
    for batch in train_dataloader:
        batch = {k: v.to(device) for k, v in batch.items()}
        outputs = model(**batch)
        loss = outputs.loss
        loss.backward()
        optimizer.step()
        lr_scheduler.step()
        optimizer.zero_grad()
model.save_pretrained('./fine_tuned_gpt2_model')
tokenizer.save_pretrained('./fine_tuned_gpt2_model')
