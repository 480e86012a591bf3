# Idiom seen in: zjunlp/KnowUnDo llm_unlearn/methods/ascent_plus_descent.py
# What it reproduces: a transformers.Trainer subclass whose compute_loss weights each example's causal-LM
# loss by a factor (-1 on the forget set: gradient ascent); the negative factor multiplies a data loss, not a
# weight penalty, and the Trainer's own AdamW keeps biases and LayerNorm out of its decay. Clean.
import inspect
from typing import Optional

import torch
from torch.utils.data import SequentialSampler
from transformers import DataCollatorWithPadding, Trainer


class AscentPlusDescentTrainer(Trainer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

    def compute_loss(self, model, inputs, return_outputs=False):
        if "factor" not in inputs.keys():
            return super().compute_loss(model, inputs, return_outputs)
        factors = inputs.pop("factor")
        if self.args.unlearn_method == "memflex":
            factors = torch.where(factors == -1, torch.tensor(-0.4), factors)
            factors = torch.where(factors == 1, torch.tensor(2.0), factors)
        outputs = model(**inputs)
        logits = outputs.logits
        labels = inputs["labels"]
        loss_fct = torch.nn.CrossEntropyLoss(reduction="none")
        shift_logits = logits[..., :-1, :].contiguous()
        shift_labels = labels[..., 1:].contiguous()
        loss = loss_fct(shift_logits.reshape(-1, shift_logits.size(-1)), shift_labels.reshape(-1))
        valid_counts = (shift_labels != -100).sum(dim=-1).float()
        loss = loss.view(shift_logits.size(0), -1)
        loss = loss.sum(dim=-1) / valid_counts
        adjusted_loss = (loss * factors).mean()
        return (adjusted_loss, outputs) if return_outputs else adjusted_loss

    def _get_train_sampler(self) -> Optional[torch.utils.data.Sampler]:
        return SequentialSampler(self.train_dataset)

    def _set_signature_columns_if_needed(self):
        if self._signature_columns is None:
            signature = inspect.signature(self.model.forward)
            self._signature_columns = list(signature.parameters.keys())
            self._signature_columns += list(set(["label", "label_ids"] + self.label_names))
            self._signature_columns.append('factor')


class AscentPlusDescentDataCollator(DataCollatorWithPadding):
    def __call__(self, features):
        batch = super().__call__(features)
        if "factor" in features[0].keys():
            batch["factor"] = torch.tensor([f["factor"] for f in features])
        return batch
