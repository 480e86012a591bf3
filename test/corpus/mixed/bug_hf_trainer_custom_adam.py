# Idiom seen in: KishorSneh/ChatMate nlp/train_model.py
# What it reproduces: the usual Trainer + TrainingArguments(weight_decay=0.01) script, but the user
# passes optimizers=(torch.optim.Adam(model.parameters(), weight_decay=training_args.weight_decay), ...):
# the Trainer's bias/LayerNorm split is bypassed and the decay is coupled L2 (realistic mistake).
import numpy as np
import torch
from datasets import load_dataset
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, Trainer,
                          TrainingArguments, get_linear_schedule_with_warmup)

from metrics import compute_metrics

model_name = "distilbert-base-uncased"
tokenizer = AutoTokenizer.from_pretrained(model_name)
model = AutoModelForSequenceClassification.from_pretrained(model_name, num_labels=6)

dataset = load_dataset("dair-ai/emotion")


def tokenize(batch):
    return tokenizer(batch["text"], padding="max_length", truncation=True, max_length=128)


dataset = dataset.map(tokenize, batched=True)

training_args = TrainingArguments(
    output_dir="./results",
    evaluation_strategy="epoch",
    learning_rate=2e-5,
    per_device_train_batch_size=8,
    num_train_epochs=3,
    weight_decay=0.01,
)

num_training_steps = int(np.ceil(len(dataset["train"]) / 8)) * 3
optimizer = torch.optim.Adam(
    model.parameters(),  # expect: WD203
    lr=training_args.learning_rate,
    weight_decay=training_args.weight_decay,  # expect: WD202
)
scheduler = get_linear_schedule_with_warmup(optimizer, num_warmup_steps=0,
                                            num_training_steps=num_training_steps)

trainer = Trainer(
    model=model,
    args=training_args,
    train_dataset=dataset["train"],
    eval_dataset=dataset["test"],
    tokenizer=tokenizer,
    compute_metrics=compute_metrics,
    optimizers=(optimizer, scheduler),
)

trainer.train()
trainer.save_model("./emotion-model")
