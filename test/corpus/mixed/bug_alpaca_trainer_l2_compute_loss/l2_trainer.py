# Idiom seen in: tatsu-lab/stanford_alpaca train.py
# What it reproduces: Alpaca SFT with HfArgumentParser dataclasses and the Hugging Face Trainer; the user
# subclasses Trainer to add an explicit L2 penalty in compute_loss while the TrainingArguments dataclass
# defaults weight_decay to 0.1, so the Trainer's AdamW decays the same weight matrices again (user mistake).
import torch
from transformers import Trainer


class L2RegTrainer(Trainer):
    def __init__(self, *args, l2_lambda: float = 1e-6, **kwargs):
        super().__init__(*args, **kwargs)
        self.l2_lambda = l2_lambda

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        outputs = model(**inputs)
        loss = outputs.loss
        l2 = sum(p.pow(2).sum() for n, p in model.named_parameters() if p.requires_grad and p.ndim > 1)  # expect: WD201
        loss = loss + self.l2_lambda * l2
        return (loss, outputs) if return_outputs else loss
