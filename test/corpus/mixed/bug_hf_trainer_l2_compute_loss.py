# Idiom seen in: whaler404/Hf-Learn transformers_learn/training/trainer_api/hypeparameter_search/optuna.py
# What it reproduces: a Trainer subclass whose compute_loss adds an explicit L2 penalty on the model,
# while TrainingArguments(weight_decay=0.01) makes the Trainer's own AdamW decay the same weights.
import torch
from datasets import load_dataset
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, Trainer,
                          TrainingArguments)

checkpoint = "bert-base-uncased"
tokenizer = AutoTokenizer.from_pretrained(checkpoint)
dataset = load_dataset("yelp_review_full")
dataset = dataset.map(lambda ex: tokenizer(ex["text"], padding="max_length", truncation=True),
                      batched=True)


class L2Trainer(Trainer):
    def __init__(self, *args, l2_lambda=1e-4, **kwargs):
        super().__init__(*args, **kwargs)
        self.l2_lambda = l2_lambda

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        outputs = model(**inputs)
        loss = outputs.loss
        l2 = sum(p.pow(2).sum() for p in model.parameters() if p.requires_grad)  # expect: WD201
        loss = loss + self.l2_lambda * l2
        return (loss, outputs) if return_outputs else loss


model = AutoModelForSequenceClassification.from_pretrained(checkpoint, num_labels=5)
training_args = TrainingArguments(
    output_dir="trainer_output/l2",
    learning_rate=2e-5,
    weight_decay=0.01,
    per_device_train_batch_size=16,
    num_train_epochs=3,
    eval_strategy="epoch",
)
trainer = L2Trainer(
    model=model,
    args=training_args,
    train_dataset=dataset["train"].shuffle(seed=42).select(range(1000)),
    eval_dataset=dataset["test"].shuffle(seed=42).select(range(1000)),
    l2_lambda=1e-4,
)
trainer.train()
