# Idiom seen in: zjunlp/KnowUnDo pretrain/trainer.py
# What it reproduces: the repository's CustomTrainer.compute_loss (tuple inputs, causal-LM loss); a user adds
# an explicit L2 over every model parameter to it, while the TrainingArguments' weight_decay (0.01) already
# makes the Trainer's AdamW decay the same weight matrices: double decay.
import torch
from transformers import Trainer


class CustomTrainer(Trainer):
    def __init__(self, *args, l2_lambda=1e-5, **kwargs):
        super().__init__(*args, **kwargs)
        self.l2_lambda = l2_lambda

    def compute_loss(self, model, inputs, return_outputs=False):
        input_ids, labels, attention_mask = inputs
        outputs = model(input_ids, labels=labels, attention_mask=attention_mask)
        loss = outputs.loss
        l2 = sum(p.pow(2).sum() for p in model.parameters() if p.requires_grad)  # expect: WD201
        loss = loss + self.l2_lambda * l2
        return (loss, outputs) if return_outputs else loss

    def prediction_step(self, model, inputs, prediction_loss_only: bool, ignore_keys=None):
        input_ids, labels, attention_mask = inputs
        with torch.no_grad():
            outputs = model(input_ids, labels=labels, attention_mask=attention_mask)
            logits = outputs.logits
            loss = outputs.loss
        return (loss, logits, labels)
