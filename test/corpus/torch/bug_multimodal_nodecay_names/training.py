# Idiom seen in: briskdust/masked-multimodal-learning utils/training.py
# What it reproduces: setup_training(config, model, dataloader) builds AdamW. The repo decays
#   model.parameters(); here the BERT recipe no_decay = ['bias', 'LayerNorm.weight'] is pasted in, but
#   this model's norms are image_layer_norm / text_layer_norm and ViT's layernorm_before/after, whose
#   weights the name filter keeps in the decaying group (WD203 at that group's params entry).
import torch
import torch.nn as nn
from torch.utils.tensorboard import SummaryWriter
from transformers import get_cosine_schedule_with_warmup


def setup_training(config, model, dataloader):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = model.to(device)
    if torch.cuda.device_count() > 1:
        model = nn.DataParallel(model)

    no_decay = ["bias", "LayerNorm.weight"]
    param_optimizer = list(model.named_parameters())
    optimizer_grouped_parameters = [
        {
            "params": [p for n, p in param_optimizer if not any(nd in n for nd in no_decay)],  # expect: WD203
            "weight_decay": config.weight_decay,
        },
        {
            "params": [p for n, p in param_optimizer if any(nd in n for nd in no_decay)],
            "weight_decay": 0.0,
        },
    ]
    optimizer = torch.optim.AdamW(optimizer_grouped_parameters, lr=config.learning_rate)

    total_steps = len(dataloader) * config.num_epochs
    scheduler = get_cosine_schedule_with_warmup(
        optimizer, num_warmup_steps=config.warmup_steps, num_training_steps=total_steps)
    scaler = torch.cuda.amp.GradScaler()
    writer = SummaryWriter()
    return device, model, optimizer, scheduler, scaler, writer
