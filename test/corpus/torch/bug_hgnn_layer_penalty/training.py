# Idiom seen in: ryanlueds/abide-hgnn training_dhg/training.py
# What it reproduces: the top-level script: dataset, collate function, model, an Adam optimizer without its own
#   weight_decay (the decay is meant to come from the layers' penalty), Trainer(...).fit(model).
import torch
import torch.optim as optim
from torch.utils.data import DataLoader

import config
from dataset import AbideHypergraphDataset
from model import build_model
from trainer import Trainer

torch.manual_seed(config.SEED)


def collate_hg(batch):
    xs, ys, hgs = zip(*batch)
    return list(xs), list(ys), list(hgs)


abide_train = AbideHypergraphDataset(train=True)
abide_val = AbideHypergraphDataset(train=False)
train_dataloader = DataLoader(abide_train, batch_size=config.BATCH_SIZE, shuffle=True, collate_fn=collate_hg)
val_dataloader = DataLoader(abide_val, batch_size=config.BATCH_SIZE, shuffle=False, collate_fn=collate_hg)

model = build_model(abide_train[0][0].shape[-1]).to(config.DEVICE)
optimizer = optim.Adam(model.parameters(), lr=config.LEARN_RATE)
trainer = Trainer(config.DEVICE, optimizer, train_dataloader, val_dataloader)
trainer.fit(model)
