# Idiom seen in: Hannysia/propaganda-detector src/models/trainer.py
# What it reproduces: a class-weighted HF Trainer subclass; the user also adds an explicit L2 penalty over
#   model.parameters() in compute_loss, while TrainingArguments(weight_decay=0.1) already makes the Trainer's
#   own AdamW decay the same weights: double decay (WD201). The real repo had only the weighted CE.
import torch
from torch import nn
from transformers import Trainer


class WeightedLossTrainer(Trainer):
    def __init__(self, class_weights, *args, l2_lambda: float = 1e-4, **kwargs):
        super().__init__(*args, **kwargs)
        self.class_weights = class_weights
        self.l2_lambda = l2_lambda

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        labels = inputs.get("labels")
        outputs = model(**inputs)
        logits = outputs.get("logits")

        loss_fct = nn.CrossEntropyLoss(weight=self.class_weights, label_smoothing=0.1)
        loss = loss_fct(logits.view(-1, self.model.config.num_labels), labels.view(-1))

        l2 = sum(p.pow(2).sum() for p in model.parameters() if p.requires_grad)  # expect: WD201
        loss = loss + self.l2_lambda * l2

        return (loss, outputs) if return_outputs else loss
