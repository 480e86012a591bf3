# Idiom seen in: r9y9/wavenet_vocoder train.py
# What it reproduces: getattr(optim, hparams.optimizer)(model.parameters(), **hparams.optimizer_params)
# with weight_decay 0.0 in the hparams: Adam without decay, nothing to report (clean).
import torch
import torch.nn.functional as F
from torch import optim

from hparams import hparams
from wavenet_vocoder import WaveNet
from wavenet_vocoder.util import is_mulaw_quantize
from datasets import get_data_loaders


def build_model():
    return WaveNet(out_channels=hparams.quantize_channels, layers=hparams.layers, stacks=hparams.stacks,
                   residual_channels=hparams.residual_channels, gate_channels=hparams.gate_channels,
                   skip_out_channels=hparams.skip_out_channels)


def train_loop(device, model, data_loaders, optimizer, checkpoint_dir=None):
    global_step = 0
    while global_step < hparams.max_train_steps:
        for x, y, c, g, input_lengths in data_loaders["train"]:
            model.train()
            x, y = x.to(device), y.to(device)
            y_hat = model(x, c=c.to(device) if c is not None else None, g=g, softmax=False)
            loss = F.cross_entropy(y_hat[:, :, :-1], y[:, 1:, 0])
            optimizer.zero_grad()
            loss.backward()
            if hparams.clip_thresh > 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), hparams.clip_thresh)
            optimizer.step()
            global_step += 1
            if global_step % 100 == 0:
                print("step {}: loss {:.4f}".format(global_step, loss.item()))


if __name__ == "__main__":
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = build_model().to(device)
    optimizer = getattr(optim, hparams.optimizer)(model.parameters(), **hparams.optimizer_params)
    data_loaders = get_data_loaders("./data/ljspeech", -1, hparams.batch_size)
    train_loop(device, model, data_loaders, optimizer)
