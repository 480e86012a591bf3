# Idiom seen in: kingsman142/captcha-solver train.py
# Idiom seen in: kingsman142/captcha-solver train_utils.py
# What it reproduces: real repo bug: Adam(model.parameters(), weight_decay=args.weight_decay) with the
#   0.98 default: an enormous coupled L2 under Adam (WD202) on every conv/linear weight and bias
#   (WD203); the commented-out LambdaLR with 0.95 shows the value was meant as a schedule factor.
import os

import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.tensorboard import SummaryWriter

from datasets import CharactersDataset
from model import CharacterClassifier
from train_utils import *

VALIDATION_BATCH_SIZE = 512

writer = SummaryWriter("logs/lr_{}_batchsize_{}".format(args.learning_rate, args.batch_size))
device = torch.device('cuda:0' if torch.cuda.is_available() else 'cpu')

model = CharacterClassifier(num_classes = 36).to(device)
train_dataset = CharactersDataset(data_root = os.path.join("data", "characters", "train"), validate = False)
val_dataset = CharactersDataset(data_root = os.path.join("data", "characters", "val"), validate = True)

optimizer = optim.Adam(model.parameters(), lr = args.learning_rate, weight_decay = args.weight_decay, betas = (0.9, 0.999))  # expect: WD202, WD203
loss_func = nn.CrossEntropyLoss(reduction = 'sum').to(device)

train_loader = torch.utils.data.DataLoader(train_dataset, batch_size = args.batch_size, shuffle = True, num_workers = 1)
val_loader = torch.utils.data.DataLoader(val_dataset, batch_size = VALIDATION_BATCH_SIZE, shuffle = False, num_workers = 1)

#lr_lambda = lambda epoch : epoch*0.95
#lr_scheduler = optim.lr_scheduler.LambdaLR(optimizer, lr_lambda)

print("\tLearning rate: ", args.learning_rate)
print("\tWeight decay: ", args.weight_decay)

for epoch in range(args.num_epochs):
    for batch_id, samples in enumerate(train_loader):
        labels = samples['labels'].to(device, dtype = torch.int64)
        imgs = samples['imgs'].to(device)
        pred = model(imgs)
        loss = loss_func(pred, labels)
        model.zero_grad()
        loss.backward()
        optimizer.step()
        writer.add_scalar('Training loss', loss.item(), epoch * len(train_loader) + batch_id)

    correct = 0
    with torch.no_grad():
        for samples in val_loader:
            labels = samples['labels'].to(device, dtype = torch.int64)
            pred_label = torch.argmax(model(samples['imgs'].to(device)), 1)
            correct += torch.sum(pred_label == labels).item()
    validation_accuracy = correct / len(val_dataset)
    writer.add_scalar('Validation accuracy', validation_accuracy, epoch)
    print("Epoch {}: validation accuracy {}%".format(epoch, round(validation_accuracy * 100.0, 2)))
    torch.save(model.state_dict(), os.path.join("models", "epoch_{}_lr_{}".format(epoch, args.learning_rate)))
