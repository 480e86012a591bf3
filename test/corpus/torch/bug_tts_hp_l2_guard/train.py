# Idiom seen in: xcmyz/FastSpeech train.py
# What it reproduces: a user's optional L2 penalty added to FastSpeech's mel + duration loss, switched by
#   `if hp.weight_decay > 0:` on the module constant; hparams.py sets it to 0.0 and nothing overrides it,
#   so the decay code is dead (WD303, at the guard). Adam itself is built without weight_decay, as upstream.
import argparse
import os

import torch
import torch.nn as nn

import hparams as hp
from model import FastSpeech
from loss import DNNLoss
from dataset import BufferDataset, DataLoader, get_data_to_buffer, collate_fn_tensor
from optimizer import ScheduledOptim


def main(args):
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    model = nn.DataParallel(FastSpeech()).to(device)
    buffer = get_data_to_buffer()

    optimizer = torch.optim.Adam(model.parameters(), betas=(0.9, 0.98), eps=1e-9)
    scheduled_optim = ScheduledOptim(optimizer, hp.decoder_dim, hp.n_warm_up_step, args.restore_step)
    fastspeech_loss = DNNLoss().to(device)

    training_loader = DataLoader(BufferDataset(buffer), batch_size=hp.batch_expand_size * hp.batch_size,
                                 shuffle=True, collate_fn=collate_fn_tensor, drop_last=True, num_workers=0)
    model = model.train()
    current_step = args.restore_step
    for epoch in range(hp.epochs):
        for i, batchs in enumerate(training_loader):
            for j, db in enumerate(batchs):
                current_step += 1
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

                if hp.weight_decay > 0:  # expect: WD303
                    l2 = sum(p.pow(2).sum() for n, p in model.named_parameters() if 'weight' in n)
                    total_loss = total_loss + hp.weight_decay * l2

                total_loss.backward()
                nn.utils.clip_grad_norm_(model.parameters(), hp.grad_clip_thresh)
                scheduled_optim.step_and_update_lr()

                if current_step % hp.log_step == 0:
                    print("Epoch {} Step {} total {:.4f} mel {:.4f} dur {:.4f}".format(
                        epoch + 1, current_step, total_loss.item(), mel_loss.item(), duration_loss.item()))
                if current_step % hp.save_step == 0:
                    torch.save({'model': model.state_dict(), 'optimizer': optimizer.state_dict()},
                               os.path.join(hp.checkpoint_path, 'checkpoint_%d.pth.tar' % current_step))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument('--restore_step', type=int, default=0)
    main(parser.parse_args())
