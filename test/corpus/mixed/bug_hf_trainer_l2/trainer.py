# Idiom seen in: boostcampaitech3/level2-klue-level2-nlp-04 train.py, utilities/criterion/loss.py
# What it reproduces: a Trainer subclass whose compute_loss replaces the model's loss (KLUE relation
#   extraction, 30 labels). Realistic mistake in that idiom: an explicit L2 penalty over model.parameters() is
#   added in compute_loss while TrainingArguments(weight_decay=...) already makes the Trainer's own AdamW decay
#   the same weights (WD201).
import torch
from transformers import Trainer

from loss import LabelSmoothingLoss


class L2Trainer(Trainer):
    def __init__(self, *args, l2_lambda=1e-5, smoothing=0.1, **kwargs):
        super().__init__(*args, **kwargs)
        self.l2_lambda = l2_lambda
        self.criterion = LabelSmoothingLoss(classes=30, smoothing=smoothing)

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        labels = inputs.pop("labels")
        outputs = model(**inputs)
        logits = outputs.get("logits")
        loss = self.criterion(logits, labels)
        l2 = sum(p.pow(2).sum() for p in model.parameters() if p.requires_grad)  # expect: WD201
        loss = loss + self.l2_lambda * l2
        return (loss, outputs) if return_outputs else loss
