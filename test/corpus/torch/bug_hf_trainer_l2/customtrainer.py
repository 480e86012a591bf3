# Idiom seen in: gatmiry/sandbox2225-T4 mytests/customtrainer.py
# What it reproduces: a transformers Trainer subclass whose compute_loss adds l2_lambda * sum of squared
#   parameters of its model argument (a mistake users make in this idiom), while TrainingArguments(weight_decay=0.01)
#   makes the Trainer's own AdamW decay the same weights: double decay.
from transformers import Trainer


class CustomTrainer(Trainer):
    def __init__(self, *args, l2_lambda=1e-4, **kwargs):
        super().__init__(*args, **kwargs)
        self.l2_lambda = l2_lambda

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        outputs = model(**inputs)
        loss = outputs['loss']
        l2 = sum(p.pow(2).sum() for n, p in model.named_parameters() if p.requires_grad)  # expect: WD201
        loss = loss + self.l2_lambda * l2
        return (loss, outputs) if return_outputs else loss
