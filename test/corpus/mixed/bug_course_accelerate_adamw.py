# Idiom seen in: huggingface/course chapters/en/chapter3/4.mdx
# What it reproduces: the course's accelerate loop imports torch.optim.AdamW and passes model.parameters()
#   without weight_decay=; torch's AdamW defaults to 0.01, so every bias and LayerNorm weight of the BERT
#   model is decayed (the Trainer it claims to replicate would exclude them). Financial-news sentiment here.
import torch
from accelerate import Accelerator
from datasets import load_dataset
from torch.optim import AdamW
from torch.utils.data import DataLoader
from tqdm.auto import tqdm
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          get_scheduler)

checkpoint = "bert-base-uncased"
raw_datasets = load_dataset("financial_phrasebank", "sentences_allagree")
raw_datasets = raw_datasets["train"].train_test_split(test_size=0.1, seed=0)
tokenizer = AutoTokenizer.from_pretrained(checkpoint)


def tokenize_function(example):
    return tokenizer(example["sentence"], truncation=True)


tokenized_datasets = raw_datasets.map(tokenize_function, batched=True)
tokenized_datasets = tokenized_datasets.remove_columns(["sentence"])
tokenized_datasets = tokenized_datasets.rename_column("label", "labels")
tokenized_datasets.set_format("torch")
data_collator = DataCollatorWithPadding(tokenizer=tokenizer)

train_dataloader = DataLoader(tokenized_datasets["train"], shuffle=True, batch_size=8, collate_fn=data_collator)
eval_dataloader = DataLoader(tokenized_datasets["test"], batch_size=8, collate_fn=data_collator)

accelerator = Accelerator()

model = AutoModelForSequenceClassification.from_pretrained(checkpoint, num_labels=3)
optimizer = AdamW(model.parameters(), lr=3e-5)  # expect: WD203

train_dl, eval_dl, model, optimizer = accelerator.prepare(train_dataloader, eval_dataloader, model, optimizer)

num_epochs = 3
num_training_steps = num_epochs * len(train_dl)
lr_scheduler = get_scheduler("linear", optimizer=optimizer, num_warmup_steps=0,
                             num_training_steps=num_training_steps)

progress_bar = tqdm(range(num_training_steps))

model.train()
for epoch in range(num_epochs):
    for batch in train_dl:
        outputs = model(**batch)
        loss = outputs.loss
        accelerator.backward(loss)

        optimizer.step()
        lr_scheduler.step()
        optimizer.zero_grad()
        progress_bar.update(1)

model.eval()
correct = 0
for batch in eval_dl:
    with torch.no_grad():
        logits = model(**batch).logits
    preds = accelerator.gather(logits.argmax(dim=-1))
    correct += (preds == accelerator.gather(batch["labels"])).sum().item()
accelerator.print("accuracy:", correct / len(tokenized_datasets["test"]))
