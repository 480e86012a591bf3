# Idiom seen in: fatchord/WaveRNN train_wavernn.py
# What it reproduces: WaveRNN vocoder training loop (Adam without decay, MoL loss, grad clipping, hp constants).
#   A user added an optional explicit L2 guarded by `if hp.voc_weight_decay > 0:`; hparams.py sets it to 0.0 and no
#   other value is ever given, so the decay code is dead (WD303).
import argparse
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import optim

import hparams as hp
from models.fatchord_version import WaveRNN
from utils.checkpoints import restore_checkpoint, save_checkpoint
from utils.dataset import get_vocoder_datasets
from utils.distribution import discretized_mix_logistic_loss
from utils.paths import Paths


def voc_train_loop(paths, model, loss_func, optimizer, train_set, lr, total_steps):
    device = next(model.parameters()).device
    for g in optimizer.param_groups:
        g['lr'] = lr
    epochs = (total_steps - model.get_step()) // len(train_set) + 1

    for e in range(1, epochs + 1):
        start = time.time()
        running_loss = 0.
        for i, (x, y, m) in enumerate(train_set, 1):
            x, m, y = x.to(device), m.to(device), y.to(device)
            y_hat = model(x, m)
            if model.mode == 'RAW':
                y_hat = y_hat.transpose(1, 2).unsqueeze(-1)
            elif model.mode == 'MOL':
                y = y.float()
            y = y.unsqueeze(-1)
            loss = loss_func(y_hat, y)

            if hp.voc_weight_decay > 0:  # expect: WD303
                l2 = sum(p.pow(2).sum() for n, p in model.named_parameters() if 'weight' in n)
                loss = loss + hp.voc_weight_decay * l2

            optimizer.zero_grad()
            loss.backward()
            if hp.voc_clip_grad_norm is not None:
                grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), hp.voc_clip_grad_norm)
                if np.isnan(grad_norm):
                    print('grad_norm was NaN!')
            optimizer.step()

            running_loss += loss.item()
            step = model.get_step()
            if step % hp.voc_checkpoint_every == 0:
                save_checkpoint('voc', paths, model, optimizer, name=f'wave_step{step // 1000}K', is_silent=True)
            print(f'| Epoch: {e}/{epochs} ({i}/{len(train_set)}) | Loss: {running_loss / i:.4f} '
                  f'| {i / (time.time() - start):.1f} steps/s | Step: {step // 1000}k |', end='\r')
        save_checkpoint('voc', paths, model, optimizer, is_silent=True)


def main():
    parser = argparse.ArgumentParser(description='Train WaveRNN Vocoder')
    parser.add_argument('--lr', '-l', type=float, help='[float] override hparams.py learning rate')
    parser.add_argument('--batch_size', '-b', type=int, help='[int] override hparams.py batch size')
    parser.add_argument('--gta', '-g', action='store_true', help='train wavernn on GTA features')
    args = parser.parse_args()
    lr = args.lr if args.lr is not None else hp.voc_lr
    batch_size = args.batch_size if args.batch_size is not None else hp.voc_batch_size

    device = torch.device('cuda') if torch.cuda.is_available() else torch.device('cpu')
    paths = Paths(hp.data_path, hp.voc_model_id, 'ljspeech_lsa_smooth_attention')
    voc_model = WaveRNN(rnn_dims=hp.voc_rnn_dims, fc_dims=hp.voc_fc_dims, bits=hp.bits, pad=hp.voc_pad,
                        upsample_factors=hp.voc_upsample_factors, feat_dims=hp.num_mels,
                        compute_dims=hp.voc_compute_dims, res_out_dims=hp.voc_res_out_dims,
                        res_blocks=hp.voc_res_blocks, hop_length=hp.hop_length,
                        sample_rate=hp.sample_rate, mode=hp.voc_mode).to(device)
    assert np.cumprod(hp.voc_upsample_factors)[-1] == hp.hop_length

    optimizer = optim.Adam(voc_model.parameters())
    restore_checkpoint('voc', paths, voc_model, optimizer, create_if_missing=True)
    train_set, test_set = get_vocoder_datasets(paths.data, batch_size, args.gta)
    loss_func = F.cross_entropy if voc_model.mode == 'RAW' else discretized_mix_logistic_loss
    voc_train_loop(paths, voc_model, loss_func, optimizer, train_set, lr, hp.voc_total_steps)
    print('Training Complete.')


if __name__ == "__main__":
    main()
