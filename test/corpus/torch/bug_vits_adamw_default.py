# Idiom seen in: jaywalnut310/vits train.py
# What it reproduces: VITS builds torch.optim.AdamW for the generator and the discriminator on all of
# net_g.parameters()/net_d.parameters() with no weight_decay argument: AdamW's default 0.01 decays every
# bias and every LayerNorm gamma/beta of the text encoder and flows too (WD203 on each params argument).
import os

import torch
from torch.cuda.amp import GradScaler, autocast
from torch.nn import functional as F
from torch.utils.data import DataLoader

import commons
import utils
from data_utils import TextAudioCollate, TextAudioLoader
from losses import discriminator_loss, feature_loss, generator_loss, kl_loss
from models import MultiPeriodDiscriminator, SynthesizerTrn
from text.symbols import symbols


def run(rank, n_gpus, hps):
    torch.manual_seed(hps.train.seed)
    train_dataset = TextAudioLoader(hps.data.training_files, hps.data)
    collate_fn = TextAudioCollate()
    train_loader = DataLoader(train_dataset, num_workers=8, shuffle=True, batch_size=hps.train.batch_size,
                              pin_memory=True, collate_fn=collate_fn)

    net_g = SynthesizerTrn(
        len(symbols),
        hps.data.filter_length // 2 + 1,
        hps.train.segment_size // hps.data.hop_length,
        **hps.model).cuda(rank)
    net_d = MultiPeriodDiscriminator(hps.model.use_spectral_norm).cuda(rank)
    optim_g = torch.optim.AdamW(
        net_g.parameters(),  # expect: WD203
        hps.train.learning_rate,
        betas=hps.train.betas,
        eps=hps.train.eps)
    optim_d = torch.optim.AdamW(
        net_d.parameters(),  # expect: WD203
        hps.train.learning_rate,
        betas=hps.train.betas,
        eps=hps.train.eps)
    scheduler_g = torch.optim.lr_scheduler.ExponentialLR(optim_g, gamma=hps.train.lr_decay)
    scheduler_d = torch.optim.lr_scheduler.ExponentialLR(optim_d, gamma=hps.train.lr_decay)
    scaler = GradScaler(enabled=hps.train.fp16_run)

    for epoch in range(1, hps.train.epochs + 1):
        net_g.train()
        net_d.train()
        for batch_idx, (x, x_lengths, spec, spec_lengths, y, y_lengths) in enumerate(train_loader):
            x, x_lengths = x.cuda(rank, non_blocking=True), x_lengths.cuda(rank, non_blocking=True)
            spec, spec_lengths = spec.cuda(rank, non_blocking=True), spec_lengths.cuda(rank, non_blocking=True)
            y = y.cuda(rank, non_blocking=True)
            with autocast(enabled=hps.train.fp16_run):
                y_hat, l_length, attn, ids_slice, x_mask, z_mask, (z, z_p, m_p, logs_p, m_q, logs_q) = net_g(
                    x, x_lengths, spec, spec_lengths)
                y = commons.slice_segments(y, ids_slice * hps.data.hop_length, hps.train.segment_size)
                y_d_hat_r, y_d_hat_g, _, _ = net_d(y, y_hat.detach())
                loss_disc, losses_disc_r, losses_disc_g = discriminator_loss(y_d_hat_r, y_d_hat_g)
            optim_d.zero_grad()
            scaler.scale(loss_disc).backward()
            scaler.unscale_(optim_d)
            scaler.step(optim_d)

            with autocast(enabled=hps.train.fp16_run):
                y_d_hat_r, y_d_hat_g, fmap_r, fmap_g = net_d(y, y_hat)
                loss_dur = torch.sum(l_length.float())
                loss_kl = kl_loss(z_p, logs_q, m_p, logs_p, z_mask) * hps.train.c_kl
                loss_fm = feature_loss(fmap_r, fmap_g)
                loss_gen, losses_gen = generator_loss(y_d_hat_g)
                loss_gen_all = loss_gen + loss_fm + loss_dur + loss_kl
            optim_g.zero_grad()
            scaler.scale(loss_gen_all).backward()
            scaler.unscale_(optim_g)
            scaler.step(optim_g)
            scaler.update()
        scheduler_g.step()
        scheduler_d.step()
        utils.save_checkpoint(net_g, optim_g, hps.train.learning_rate, epoch,
                              os.path.join(hps.model_dir, "G_{}.pth".format(epoch)))


if __name__ == "__main__":
    hps = utils.get_hparams()
    run(0, 1, hps)
