# Idiom seen in: xiaoda99/transformers notebooks/nrk_train/code/CustomTrainer.py
# What it reproduces: a Trainer subclass overriding compute_loss (labels popped, CE on logits) to which an
#   explicit L2 penalty on every trainable parameter was added, while TrainingArguments(weight_decay=0.01) makes
#   the Trainer's own AdamW decay the same weight matrices: double decay (WD201). Realistic mistake.
import numpy as np
import torch
from torch import nn
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, Trainer, TrainingArguments)

from nrk_data import load_nrk_splits

MODEL_NAME = "NbAiLab/nb-bert-base"
L2_LAMBDA = 1e-5


class MyTrainer(Trainer):
    def __init__(self, *args, l2_lambda=0.0, **kwargs):
        super().__init__(*args, **kwargs)
        self.l2_lambda = l2_lambda

    def compute_loss(self, model, inputs, return_outputs=False):
        labels = inputs.pop("labels")

        # forward pass
        outputs = model(**inputs)
        logits = outputs[0]
        loss_fct = nn.CrossEntropyLoss()
        loss = loss_fct(logits.view(-1, self.model.config.num_labels), labels.view(-1))
        l2_penalty = sum(p.pow(2).sum() for n, p in model.named_parameters() if p.requires_grad)  # expect: WD201
        loss = loss + self.l2_lambda * l2_penalty
        return (loss, outputs) if return_outputs else loss


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    predictions = np.argmax(logits, axis=-1)
    return {"accuracy": float((predictions == labels).mean())}


tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME)
train_ds, eval_ds = load_nrk_splits(tokenizer, max_length=256)
model = AutoModelForSequenceClassification.from_pretrained(MODEL_NAME, num_labels=3)

training_args = TrainingArguments(
    output_dir="./results",
    num_train_epochs=3,
    per_device_train_batch_size=16,
    per_device_eval_batch_size=32,
    learning_rate=2e-5,
    warmup_steps=500,
    weight_decay=0.01,
    logging_dir="./logs",
    evaluation_strategy="epoch",
)

trainer = MyTrainer(
    model=model,
    args=training_args,
    train_dataset=train_ds,
    eval_dataset=eval_ds,
    compute_metrics=compute_metrics,
    l2_lambda=L2_LAMBDA,
)
trainer.train()
