# Idiom seen in: RacleRay/RaychSnippts raych/trainer/huggingface_trainer.py
# What it reproduces: the MultilabelTrainer(Trainer) snippet (compute_loss with BCEWithLogitsLoss).
#   Realistic user mistake (the snippet had no penalty): "regularize the new head" by adding
#   HEAD_L2 * sum of squares of model.classifier's parameters to the loss, while the Trainer's own
#   AdamW already decays the classifier weight (TrainingArguments.weight_decay=0.01 in train.py):
#   double decay (WD201 at the penalty).
from torch import nn
from transformers import Trainer

HEAD_L2 = 1e-3


class MultilabelTrainer(Trainer):
    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        labels = inputs.pop("labels")
        outputs = model(**inputs)
        logits = outputs.get("logits")
        loss_fct = nn.BCEWithLogitsLoss()
        loss = loss_fct(logits.view(-1, self.model.config.num_labels),
                        labels.float().view(-1, self.model.config.num_labels))
        head_l2 = sum(p.pow(2).sum() for p in model.classifier.parameters())  # expect: WD201
        loss = loss + HEAD_L2 * head_l2
        return (loss, outputs) if return_outputs else loss
