# Idiom seen in: Mikezz1/tg-sentiment nn/nn.py
# What it reproduces: the classifier (last-4-layer CLS concat -> fc -> LayerNorm -> out) and its train_epoch with
#   wandb logging. The user adds an L2 penalty on the head, builds total_loss for the logs, but still calls
#   loss.backward(): the penalty never reaches the gradient (realistic mistake in the repo's idiom).
import torch
import torch.nn as nn
import wandb
from tqdm import tqdm
from transformers import AutoModel

from config import cfg
from utils import calc_accuracy


class TgClassifier(nn.Module):
    def __init__(self, n_classes=3):
        super(TgClassifier, self).__init__()
        self.bert = AutoModel.from_pretrained(cfg['model_name'], output_hidden_states=True)
        self.drop = nn.Dropout(p=cfg['dropout_prob'])
        self.fc = nn.Linear(4 * self.bert.config.hidden_size, 256)
        self.relu = nn.LeakyReLU()
        self.layer_norm = nn.LayerNorm(256)
        self.out = nn.Linear(256, n_classes)

    def forward(self, input_ids, attention_mask):
        outputs = self.bert(input_ids=input_ids, attention_mask=attention_mask)
        hidden_states = outputs[2]
        pooled = torch.cat(tuple(hidden_states[i] for i in [-4, -3, -2, -1]), dim=-1)[:, 0, :]
        hidden = self.drop(self.layer_norm(self.fc(self.relu(self.drop(pooled)))))
        return {'logits': self.out(hidden)}


def train_epoch(model, loss_fn, optimizer, data_loader, scheduler=None, device='cuda', window=50):
    model.train()
    ewm_loss, ewm_acc, i = 0, 0.33, 0
    for batch in tqdm(data_loader, desc='TRAIN'):
        input_ids = batch['input_ids'].to(device)
        attention_mask = batch['attention_mask'].to(device)
        targets = batch['labels'].to(device)
        outputs = model(input_ids=input_ids, attention_mask=attention_mask)['logits']
        acc = calc_accuracy(outputs.cpu(), targets.cpu())

        loss = loss_fn(outputs, targets)
        l2_head = cfg['l2_head'] * (model.fc.weight.pow(2).sum() + model.out.weight.pow(2).sum())  # expect: WD104
        total_loss = loss + l2_head
        loss.backward()
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()

        w = 1 / min(i + 1, window)
        ewm_loss = ewm_loss * (1 - w) + total_loss.item() * w
        ewm_acc = ewm_acc * (1 - w) + acc * w
        i += 1
        wandb.log({"train_acc": ewm_acc, "train_loss": ewm_loss})
