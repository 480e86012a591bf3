# Idiom seen in: Kasyfil97/indo-spam-chatbot trainer/custom_trainer.py
# What it reproduces: a realistic user change to the repo's CustomTrainer (the repo itself adds no penalty):
#   compute_loss adds l2_lambda * sum(p**2) over the trainable weights while TrainingArguments(weight_decay=0.01)
#   already makes the Trainer's AdamW decay the same weights: double decay.
import torch.nn.functional as F
from transformers import Trainer


class CustomTrainer(Trainer):
    def __init__(self, *args, class_weights=None, l2_lambda=0.0, **kwargs):
        super().__init__(*args, **kwargs)
        self.class_weights = class_weights
        self.l2_lambda = l2_lambda

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        labels = inputs.pop("labels").long()
        outputs = model(**inputs)
        logits = outputs.get("logits")

        if self.class_weights is not None:
            loss = F.cross_entropy(logits, labels, weight=self.class_weights)
        else:
            loss = F.cross_entropy(logits, labels)

        # keep the unfrozen score head and top blocks from drifting too far
        l2 = sum(p.pow(2).sum() for p in model.parameters() if p.requires_grad)  # expect: WD201
        loss = loss + self.l2_lambda * l2

        return (loss, outputs) if return_outputs else loss
