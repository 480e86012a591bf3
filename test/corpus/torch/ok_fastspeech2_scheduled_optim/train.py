# Idiom seen in: ming024/FastSpeech2 train.py
# Idiom seen in: ming024/FastSpeech2 utils/model.py
# What it reproduces: get_model builds FastSpeech2 and its ScheduledOptim from the config dicts; the
# training loop backpropagates the summed FastSpeech2 losses (no decay configured: clean).
import torch
import torch.nn as nn

from config import model_config, train_config
from model import FastSpeech2, FastSpeech2Loss
from optimizer import ScheduledOptim
from dataset import get_dataloader


def get_model(restore_step, device):
    model = FastSpeech2(model_config).to(device)
    scheduled_optim = ScheduledOptim(model, train_config, model_config, restore_step)
    model.train()
    return model, scheduled_optim


device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
model, optimizer = get_model(0, device)
Loss = FastSpeech2Loss(model_config).to(device)
loader = get_dataloader(train_config["optimizer"]["batch_size"])
grad_acc_step = train_config["optimizer"]["grad_acc_step"]
grad_clip_thresh = train_config["optimizer"]["grad_clip_thresh"]

step = 1
while step <= train_config["step"]["total_step"]:
    for batch in loader:
        output = model(*(batch[2:]))
        losses = Loss(batch, output)
        total_loss = losses[0] / grad_acc_step
        total_loss.backward()
        if step % grad_acc_step == 0:
            nn.utils.clip_grad_norm_(model.parameters(), grad_clip_thresh)
            optimizer.step_and_update_lr()
            optimizer.zero_grad()
        if step % train_config["step"]["log_step"] == 0:
            print("Step {}, Total Loss: {:.4f}".format(step, losses[0].item()))
        step += 1
