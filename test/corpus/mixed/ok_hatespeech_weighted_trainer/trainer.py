# Idiom seen in: DrishtiShrrrma/multiclass-classification-transfromer-model-comparison src/hate_speech_eval/trainer.py
# Idiom seen in: DrishtiShrrrma/multiclass-classification-transfromer-model-comparison src/hate_speech_eval/train.py
# What it reproduces: a Trainer subclass whose compute_loss only re-weights the cross entropy by class; the
#   weight decay comes from TrainingArguments alone (Trainer already keeps biases/LayerNorm out): clean.
import torch
from transformers import Trainer


class CustomTrainer(Trainer):
    """Trainer that applies class weights in CrossEntropyLoss to handle class imbalance."""

    def __init__(self, class_weights=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.class_weights = class_weights

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        labels = inputs.get("labels")
        outputs = model(**inputs)
        logits = outputs.get("logits")
        weight = None if self.class_weights is None else self.class_weights.to(logits.device)
        loss_fct = torch.nn.CrossEntropyLoss(weight=weight)
        loss = loss_fct(logits.view(-1, model.config.num_labels), labels.view(-1))
        return (loss, outputs) if return_outputs else loss
