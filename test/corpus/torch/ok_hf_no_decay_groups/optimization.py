# Idiom seen in: zjunlp/SemEval2021Task4 Models/trainer.py
# What it reproduces: the Hugging Face fine-tuning grouping (no_decay = bias, LayerNorm.weight) moved into
#   a helper module that builds torch AdamW plus a linear warm-up schedule from the argparse namespace.
# label-note: clean. The model is a BERT checkpoint (transformers), whose norm parameters are all named
#   "...LayerNorm.weight"/"...LayerNorm.bias", so every bias and norm parameter is in the 0.0 group;
#   AdamW is decoupled decay; no explicit penalty anywhere.
import torch
from transformers import get_linear_schedule_with_warmup


def build_optimizer_and_scheduler(args, model, num_training_steps):
    no_decay = ["bias", "LayerNorm.weight"]
    optimizer_grouped_parameters = [
        {
            "params": [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],
            "weight_decay": args.weight_decay,
        },
        {
            "params": [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
            "weight_decay": 0.0,
        },
    ]
    optimizer = torch.optim.AdamW(
        optimizer_grouped_parameters,
        lr=args.learning_rate,
        betas=(args.adam_beta1, args.adam_beta2),
        eps=args.adam_epsilon,
    )
    scheduler = get_linear_schedule_with_warmup(
        optimizer,
        num_warmup_steps=int(args.warmup_ratio * num_training_steps),
        num_training_steps=num_training_steps,
    )
    return optimizer, scheduler
