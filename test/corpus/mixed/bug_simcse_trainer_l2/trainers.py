# Idiom seen in: princeton-nlp/SimCSE simcse/trainers.py
# What it reproduces: SimCSE's CLTrainer (a transformers.Trainer subclass); the user adds an explicit L2 penalty on all
# model parameters in compute_loss while the Trainer's own AdamW already applies args.weight_decay (0.01, set in
# train.py's OurTrainingArguments) to the same weights: double decay (user change in the repo's idiom).

import torch
from transformers import Trainer


class CLTrainer(Trainer):

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        outputs = model(**inputs)
        loss = outputs.loss
        if self.args.l2_reg > 0:
            l2 = sum(p.pow(2).sum() for p in model.parameters() if p.requires_grad)  # expect: WD201
            loss = loss + self.args.l2_reg * l2
        return (loss, outputs) if return_outputs else loss

    def evaluate(self, eval_dataset=None, ignore_keys=None, metric_key_prefix="eval", eval_senteval_transfer=False):
        self.model.eval()
        with torch.no_grad():
            metrics = super().evaluate(eval_dataset, ignore_keys=ignore_keys, metric_key_prefix=metric_key_prefix)
        return metrics
