# Idiom seen in: repository not resolved by the code index (index file id 15454087658: `class RegularizedTrainer(Trainer)`
#   taking `reg_fn`, `reg_kwargs`, `reg_coeff` and adding `reg_coeff * reg_fn(model, **reg_kwargs)` in compute_loss)
# What it reproduces: the penalty functions handed to that trainer as `reg_fn`: a ridge penalty over the
#   weight matrices (tensors with dim > 1, so biases and LayerNorm vectors are left out) and an L1 variant.
# label-note: WD201 on the squared-weights line: train.py also sets TrainingArguments(weight_decay=0.01), and
#   the Trainer's own AdamW decays the same weight matrices (it exempts only biases and LayerNorm weights).
import torch


def l2_weights(model, only_trainable=True):
    params = [p for p in model.parameters() if p.dim() > 1 and (p.requires_grad or not only_trainable)]
    return sum(p.pow(2).sum() for p in params)  # expect: WD201


def l1_weights(model, only_trainable=True):
    params = [p for p in model.parameters() if p.dim() > 1 and (p.requires_grad or not only_trainable)]
    return sum(p.abs().sum() for p in params)


REGULARIZERS = {"l2": l2_weights, "l1": l1_weights}
