# Idiom seen in: xlx0010/HGNN src/main.py
# Idiom seen in: xlx0010/HGNN src/procedure.py
# What it reproduces: the training driver that builds MyModel(**config.model_args[...]) and BPRLoss(model,
#   **config.loss), then calls stageOne per batch (clean).
import torch

import config
from model import MyModel
from loss import BPRLoss
from loader import SessionLoader

model = MyModel(**config.model_args['mymodel']).to(config.info['device'])
bpr = BPRLoss(model, **config.loss)
loader = SessionLoader(config.train['path'], batch_size=config.train['batch_size'])

for epoch in range(config.train['num_epoch']):
    model.train()
    total = 0.0
    for users, candidates in loader:
        total += bpr.stageOne(users, candidates)
    print('epoch {}: loss {:.4f}'.format(epoch, total / max(1, len(loader))))
    torch.save(model.state_dict(), config.info['weight_folder'] + 'model.pt')
