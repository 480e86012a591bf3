# Idiom seen in: UKPLab/sentence-transformers sentence_transformers/SentenceTransformer.py
# What it reproduces: the classic SentenceTransformer.fit() loop copied into a training script (for custom logging):
# per loss model, no_decay = ['bias', 'LayerNorm.bias', 'LayerNorm.weight'] splits named_parameters() into a
# weight_decay=0.01 group and a 0.0 group for AdamW; BERT's norms are named LayerNorm, so the split is right: clean.

import argparse
import logging
import math

import torch
from torch.utils.data import DataLoader
from sentence_transformers import InputExample, SentenceTransformer, losses
from transformers import get_linear_schedule_with_warmup

from sts_data import load_sts_benchmark

logger = logging.getLogger(__name__)


def fit(model, train_objectives, epochs=1, warmup_steps=10000, optimizer_class=torch.optim.AdamW,
        optimizer_params=None, weight_decay=0.01, max_grad_norm=1.0, use_amp=False):
    optimizer_params = optimizer_params or {'lr': 2e-5}
    dataloaders = [dataloader for dataloader, _ in train_objectives]
    for dataloader in dataloaders:
        dataloader.collate_fn = model.smart_batching_collate
    loss_models = [loss for _, loss in train_objectives]
    steps_per_epoch = min(len(dataloader) for dataloader in dataloaders)
    num_train_steps = int(steps_per_epoch * epochs)

    # Prepare optimizers
    optimizers, schedulers = [], []
    for loss_model in loss_models:
        param_optimizer = list(loss_model.named_parameters())
        no_decay = ['bias', 'LayerNorm.bias', 'LayerNorm.weight']
        optimizer_grouped_parameters = [
            {'params': [p for n, p in param_optimizer if not any(nd in n for nd in no_decay)], 'weight_decay': weight_decay},
            {'params': [p for n, p in param_optimizer if any(nd in n for nd in no_decay)], 'weight_decay': 0.0},
        ]
        optimizer = optimizer_class(optimizer_grouped_parameters, **optimizer_params)
        optimizers.append(optimizer)
        schedulers.append(get_linear_schedule_with_warmup(optimizer, warmup_steps, num_train_steps))

    scaler = torch.cuda.amp.GradScaler(enabled=use_amp)
    data_iterators = [iter(dataloader) for dataloader in dataloaders]
    for epoch in range(epochs):
        for loss_model in loss_models:
            loss_model.zero_grad()
            loss_model.train()
        for step in range(steps_per_epoch):
            for idx, (loss_model, optimizer, scheduler) in enumerate(zip(loss_models, optimizers, schedulers)):
                try:
                    features, labels = next(data_iterators[idx])
                except StopIteration:
                    data_iterators[idx] = iter(dataloaders[idx])
                    features, labels = next(data_iterators[idx])
                with torch.autocast(device_type='cuda', enabled=use_amp):
                    loss_value = loss_model(features, labels)
                scaler.scale(loss_value).backward()
                scaler.unscale_(optimizer)
                torch.nn.utils.clip_grad_norm_(loss_model.parameters(), max_grad_norm)
                scaler.step(optimizer)
                scaler.update()
                optimizer.zero_grad()
                scheduler.step()
            if step % 500 == 0:
                logger.info("epoch %d step %d loss %.4f", epoch, step, loss_value.item())


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--model_name', default='bert-base-uncased')
    parser.add_argument('--batch_size', type=int, default=16)
    parser.add_argument('--epochs', type=int, default=4)
    args = parser.parse_args()

    model = SentenceTransformer(args.model_name)
    train_samples = [InputExample(texts=[s1, s2], label=score / 5.0) for s1, s2, score in load_sts_benchmark('train')]
    train_dataloader = DataLoader(train_samples, shuffle=True, batch_size=args.batch_size)
    train_loss = losses.CosineSimilarityLoss(model=model)
    warmup_steps = math.ceil(len(train_dataloader) * args.epochs * 0.1)
    fit(model, [(train_dataloader, train_loss)], epochs=args.epochs, warmup_steps=warmup_steps)
    model.save('output/training_stsbenchmark')
