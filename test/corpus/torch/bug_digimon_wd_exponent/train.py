# Idiom seen in: hesperusli/digimon_and_pokemon_classify train.py
# Idiom seen in: hesperusli/digimon_and_pokemon_classify config.py
# What it reproduces: the script's SGD built from config constants (lr=1e-2, momentum 0.9) with the mistyped
#   weight_decay=5e4 from config.py: lr*wd = 500, so the decay term alone multiplies the weights by 1-500 per step
#   and training diverges; the optimizer also decays every bias of the AlexNet.
import os

import numpy as np
import torch
from torch import nn, optim
from torch.utils.data import DataLoader

import config
import Models
import datasets
import utils
from test import evaluate

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")

if __name__ == '__main__':
    for folder in (config.example, config.weights, config.logs):
        if not os.path.exists(folder):
            os.mkdir(folder)
    # 定义模型
    model = Models.getNet().to(device)
    # 定义优化器
    optimizer = optim.SGD(model.parameters(), lr=config.lr, weight_decay=config.weight_decay, momentum=0.9)  # expect: WD301, WD203
    # 定义损失函数
    loss_criterion = nn.CrossEntropyLoss().to(device)

    train_loader = DataLoader(datasets.train_data, batch_size=config.bach_size, shuffle=True, num_workers=0)
    test_loader = DataLoader(datasets.test_data, batch_size=config.bach_size, shuffle=True, num_workers=0)

    current_accuracy = 0
    for epoch in range(0, config.epochs):
        model.train()
        utils.adjust_learning_rate(optimizer, epoch)
        loss_epoch = 0
        for index, (input, target) in enumerate(train_loader):
            input = input.to(device)
            target = torch.from_numpy(np.array(target)).long().to(device)
            optimizer.zero_grad()
            output = model(input)
            loss = loss_criterion(output, target)
            loss.backward()
            optimizer.step()
            loss_epoch += loss.item() * input.size(0)
        loss_epoch = loss_epoch / len(train_loader.dataset)
        print("Epoch: {} loss: {:.6f}".format(epoch + 1, loss_epoch))

        model.eval()
        test_loss, accTop1 = evaluate(test_loader, model, loss_criterion)
        save_model = accTop1 > current_accuracy
        current_accuracy = max(current_accuracy, accTop1)
        utils.save_checkpoint({
            "epoch": epoch + 1,
            "model_name": config.model,
            "state_dict": model.state_dict(),
            "accTop1": current_accuracy,
            "optimizer": optimizer.state_dict(),
        }, save_model)
