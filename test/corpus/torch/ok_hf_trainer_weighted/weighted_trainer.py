# Idiom seen in: huggingface/transformers src/transformers/trainer.py (compute_loss override)
# What it reproduces: a Trainer subclass whose compute_loss only re-weights the classes (no penalty on the
# parameters). Decay comes solely from TrainingArguments(weight_decay=...), which the Trainer applies through
# its own AdamW with biases and LayerNorm weights excluded. Clean.
import torch
from transformers import Trainer


class WeightedLossTrainer(Trainer):
    def __init__(self, *args, class_weights=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.class_weights = class_weights

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        labels = inputs.pop("labels")
        outputs = model(**inputs)
        logits = outputs.get("logits")
        weight = self.class_weights.to(logits.device) if self.class_weights is not None else None
        loss_fct = torch.nn.CrossEntropyLoss(weight=weight)
        loss = loss_fct(logits.view(-1, self.model.config.num_labels), labels.view(-1))
        return (loss, outputs) if return_outputs else loss
