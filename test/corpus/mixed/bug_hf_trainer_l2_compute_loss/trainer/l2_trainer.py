# Idiom seen in: if001/llm_train src/trainer/curitosity_trainer.py
# What it reproduces: a transformers.Trainer subclass overriding compute_loss to add extra terms; the
# user adds l2_coef * sum(p^2) over the model parameters while TrainingArguments(weight_decay=0.01) makes
# the Trainer's own AdamW decay the same weights: double decay.
from transformers import Trainer


class L2Trainer(Trainer):
    def __init__(self, *args, l2_coef=1e-5, **kwargs):
        super().__init__(*args, **kwargs)
        self.l2_coef = l2_coef

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        outputs = model(**inputs)
        l2 = sum(p.pow(2).sum() for n, p in model.named_parameters() if p.requires_grad)  # expect: WD201
        total_loss = outputs.loss + self.l2_coef * l2
        if return_outputs:
            return (total_loss, outputs)
        return total_loss
