# Idiom seen in: YasufumiNakama/kaggle-Toxicity-Classification-2019 code/solution_bert.py
# Idiom seen in: YasufumiNakama/kaggle-Toxicity-Classification-2019 code/src/trainer.py
# What it reproduces: Kaggle Jigsaw BERT kernel: module-level constants, pytorch_pretrained_bert's
# BertAdam given the usual no_decay groups (decay 0.01 on matrices, 0.0 on bias/LayerNorm), apex amp
# loss scaling and gradient accumulation. Clean.
import sys

import numpy as np
import torch
import torch.utils.data

sys.path.append("../input/toxic-src")
from util import seed_torch, convert_lines
from logger import LOGGER
from pytorch_pretrained_bert import BertTokenizer, BertForSequenceClassification, BertAdam
from apex import amp

# ===============
# Settings
# ===============
seed = 0
device = "cuda:0"
n_labels = 1
max_len = 220
batch_size = 32
accumulation_steps = 2
epochs = 1
lr = 2e-5
BERT_MODEL_PATH = '../input/bert-pretrained-models/uncased_L-12_H-768_A-12/'
seed_torch(seed)


def train_one_epoch(model, train_loader, criterion, optimizer):
    model.train()
    optimizer.zero_grad()
    total_loss = 0.0
    for step, (features, targets) in enumerate(train_loader):
        features, targets = features.to(device), targets.to(device)
        logits = model(features, attention_mask=features > 0, labels=None)
        loss = criterion(logits.view(-1, 1), targets.view(-1, 1))
        with amp.scale_loss(loss, optimizer) as scaled_loss:
            scaled_loss.backward()
        if (step + 1) % accumulation_steps == 0:
            optimizer.step()
            optimizer.zero_grad()
        total_loss += loss.item()
    return total_loss / (step + 1)


def main(train_text, y_train):
    tokenizer = BertTokenizer.from_pretrained(BERT_MODEL_PATH, cache_dir=None, do_lower_case=True)
    X = convert_lines(train_text, max_len, tokenizer)
    dataset = torch.utils.data.TensorDataset(torch.tensor(X, dtype=torch.long),
                                             torch.tensor(y_train, dtype=torch.float))
    loader = torch.utils.data.DataLoader(dataset, batch_size=batch_size, shuffle=True)
    model = BertForSequenceClassification.from_pretrained(BERT_MODEL_PATH, num_labels=n_labels).to(device)

    param_optimizer = list(model.named_parameters())
    no_decay = ['bias', 'LayerNorm.bias', 'LayerNorm.weight']
    optimizer_grouped_parameters = [
        {'params': [p for n, p in param_optimizer if not any(nd in n for nd in no_decay)], 'weight_decay': 0.01},
        {'params': [p for n, p in param_optimizer if any(nd in n for nd in no_decay)], 'weight_decay': 0.0},
    ]
    num_train_optimization_steps = int(epochs * len(loader) / accumulation_steps)
    optimizer = BertAdam(optimizer_grouped_parameters, lr=lr, warmup=0.05, t_total=num_train_optimization_steps)
    model, optimizer = amp.initialize(model, optimizer, opt_level="O1", verbosity=0)
    criterion = torch.nn.BCEWithLogitsLoss()
    for epoch in range(epochs):
        LOGGER.info(f'epoch {epoch} loss {train_one_epoch(model, loader, criterion, optimizer):.5f}')
    torch.save(model.state_dict(), 'bert_pytorch.bin')


if __name__ == '__main__':
    import pandas as pd
    df = pd.read_csv('../input/jigsaw-unintended-bias-in-toxicity-classification/train.csv')
    main(df['comment_text'].astype(str), (df['target'].values >= 0.5).astype(np.float32))
