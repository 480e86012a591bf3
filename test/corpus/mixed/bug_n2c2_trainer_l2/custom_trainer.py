# Idiom seen in: dchartash/n2c2_2022 train_utils/custom_trainer.py
# What it reproduces: a transformers Trainer subclass overriding compute_loss with a class-weighted cross entropy; the
#   user also adds an explicit L2 penalty over all model parameters (user addition) while TrainingArguments in
#   trainer.py already sets weight_decay=0.01 for the Trainer's AdamW, so the weight matrices are decayed twice.
import torch
from torch import nn
from transformers import Trainer


class CustomTrainer(Trainer):
    def __init__(self, *args, l2_lambda=1e-5, **kwargs):
        super().__init__(*args, **kwargs)
        self.l2_lambda = l2_lambda

    def compute_loss(self, model, inputs, return_outputs=False):
        labels = inputs.get("labels")
        # forward pass
        outputs = model(**inputs)
        logits = outputs.get("logits")
        device = logits.device
        # compute custom loss (4 labels with different weights)
        loss_fct = nn.CrossEntropyLoss(weight=torch.tensor([2.1, 1.7, 1.5, 2.9]).to(device))
        loss = loss_fct(logits.view(-1, self.model.config.num_labels), labels.view(-1))
        l2_penalty = sum(p.pow(2).sum() for p in model.parameters() if p.requires_grad)  # expect: WD201
        loss = loss + self.l2_lambda * l2_penalty
        return (loss, outputs) if return_outputs else loss
