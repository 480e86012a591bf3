# Idiom seen in: pufanyi/SC4002-Project src/sc4002/train/trainer.py
# What it reproduces: a transformers Trainer subclass (custom RNN classifier, cross_entropy in compute_loss)
#   given an optional explicit L2 term behind "if self.l2_coeff > 0:"; the only construction passes
#   l2_coeff=0.0 (decay was moved to TrainingArguments.weight_decay), so the penalty code is dead.
import torch.nn as nn
from transformers import Trainer


class CustomTrainer(Trainer):
    def __init__(self, *args, l2_coeff: float = 0.0, **kwargs):
        super().__init__(*args, **kwargs)
        self.l2_coeff = l2_coeff

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        input_ids = inputs["input_ids"]
        labels = inputs["labels"]
        logits = model(input_ids=input_ids)
        loss = nn.functional.cross_entropy(logits, labels)
        if self.l2_coeff > 0:  # expect: WD303
            l2 = sum(p.pow(2).sum() for name, p in model.named_parameters() if "weight" in name)
            loss = loss + self.l2_coeff * l2
        return (loss, dict(logits=logits)) if return_outputs else loss
