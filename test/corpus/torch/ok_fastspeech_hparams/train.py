# Idiom seen in: xcmyz/FastSpeech train.py
# What it reproduces: FastSpeech training with DataParallel, Adam(betas=(0.9, 0.98), eps=1e-9) under the
#   Noam warm-up wrapper, mel + postnet + duration losses; hp.weight_decay exists in hparams.py but is never
#   used, so there is no decay source at all. Clean.
import argparse
import os
import time

import numpy as np
import torch
import torch.nn as nn

import hparams as hp
import utils
from model import FastSpeech
from loss import DNNLoss
from dataset import BufferDataset, DataLoader, get_data_to_buffer, collate_fn_tensor
from optimizer import ScheduledOptim


def main(args):
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    model = nn.DataParallel(FastSpeech()).to(device)
    print('Number of TTS Parameters:', utils.get_param_num(model))
    buffer = get_data_to_buffer()

    optimizer = torch.optim.Adam(model.parameters(),
                                 betas=(0.9, 0.98),
                                 eps=1e-9)
    scheduled_optim = ScheduledOptim(optimizer, hp.decoder_dim, hp.n_warm_up_step, args.restore_step)
    fastspeech_loss = DNNLoss().to(device)

    try:
        checkpoint = torch.load(os.path.join(hp.checkpoint_path, 'checkpoint_%d.pth.tar' % args.restore_step))
        model.load_state_dict(checkpoint['model'])
        optimizer.load_state_dict(checkpoint['optimizer'])
    except FileNotFoundError:
        os.makedirs(hp.checkpoint_path, exist_ok=True)

    training_loader = DataLoader(BufferDataset(buffer), batch_size=hp.batch_expand_size * hp.batch_size,
                                 shuffle=True, collate_fn=collate_fn_tensor, drop_last=True, num_workers=0)
    Time = np.array([])
    model = model.train()
    for epoch in range(hp.epochs):
        for i, batchs in enumerate(training_loader):
            for j, db in enumerate(batchs):
                start_time = time.perf_counter()
                current_step = i * hp.batch_expand_size + j + args.restore_step + \
                    epoch * len(training_loader) * hp.batch_expand_size + 1
                scheduled_optim.zero_grad()

                character = db["text"].long().to(device)
                mel_target = db["mel_target"].float().to(device)
                duration = db["duration"].int().to(device)
                mel_pos = db["mel_pos"].long().to(device)
                src_pos = db["src_pos"].long().to(device)
                max_mel_len = db["mel_max_len"]

                mel_output, mel_postnet_output, duration_predictor_output = model(
                    character, src_pos, mel_pos=mel_pos, mel_max_length=max_mel_len, length_target=duration)
                mel_loss, mel_postnet_loss, duration_loss = fastspeech_loss(
                    mel_output, mel_postnet_output, duration_predictor_output, mel_target, duration)
                total_loss = mel_loss + mel_postnet_loss + duration_loss

                total_loss.backward()
                nn.utils.clip_grad_norm_(model.parameters(), hp.grad_clip_thresh)
                scheduled_optim.step_and_update_lr()

                Time = np.append(Time, time.perf_counter() - start_time)
                if current_step % hp.log_step == 0:
                    print("Epoch [{}/{}], Step {}, Mel Loss: {:.4f}, Duration Loss: {:.4f}, {:.3f}s/step".format(
                        epoch + 1, hp.epochs, current_step, mel_loss.item(), duration_loss.item(), np.mean(Time)))
                if current_step % hp.save_step == 0:
                    torch.save({'model': model.state_dict(), 'optimizer': optimizer.state_dict()},
                               os.path.join(hp.checkpoint_path, 'checkpoint_%d.pth.tar' % current_step))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument('--restore_step', type=int, default=0)
    main(parser.parse_args())
