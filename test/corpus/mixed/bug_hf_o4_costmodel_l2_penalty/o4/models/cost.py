# Idiom seen in: iyaja/O4 train_cost.py
# Idiom seen in: iyaja/O4 o4/models/cost.py
# What it reproduces: a transformers Trainer subclass whose compute_loss adds an L2 penalty on every parameter of its model argument,
# while TrainingArguments(weight_decay=0.01) already makes the Trainer AdamW decay the same weights: double decay (WD201, user mistake; the repo had the decay commented out).
from torch import nn
from transformers import Trainer


class CostModelTrainer(Trainer):
    l2_lambda = 1e-5

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        labels = inputs.get("labels")
        outputs = model(**inputs)
        logits = outputs.get("logits")
        loss_fct = nn.MSELoss()
        loss = loss_fct(logits.view(-1, self.model.config.num_labels),
                        labels.float().view(-1, self.model.config.num_labels))
        # keep the cost model from overfitting the small benchmark set
        l2 = sum(p.pow(2).sum() for p in model.parameters() if p.requires_grad)  # expect: WD201
        loss = loss + self.l2_lambda * l2
        return (loss, outputs) if return_outputs else loss
