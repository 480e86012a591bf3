# Idiom seen in: descriptinc/melgan-neurips scripts/train.py
# What it reproduces: MelGAN's two Adam optimizers (betas 0.5/0.9, no weight decay) for a weight-normed
# generator and multi-scale discriminator, hinge losses and an L1 feature-matching term (on activations,
# not weights); a negated D score in the generator loss is an adversarial objective, not a decay. Clean.
import argparse
import time
from pathlib import Path

import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader
from torch.utils.tensorboard import SummaryWriter

from mel2wav.dataset import AudioDataset
from mel2wav.modules import Generator, Discriminator, Audio2Mel


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--save_path", required=True)
    parser.add_argument("--n_mel_channels", type=int, default=80)
    parser.add_argument("--ngf", type=int, default=32)
    parser.add_argument("--n_residual_layers", type=int, default=3)
    parser.add_argument("--ndf", type=int, default=16)
    parser.add_argument("--num_D", type=int, default=3)
    parser.add_argument("--n_layers_D", type=int, default=4)
    parser.add_argument("--downsamp_factor", type=int, default=4)
    parser.add_argument("--lambda_feat", type=float, default=10)
    parser.add_argument("--data_path", default=None, type=Path)
    parser.add_argument("--batch_size", type=int, default=16)
    parser.add_argument("--seq_len", type=int, default=8192)
    parser.add_argument("--epochs", type=int, default=3000)
    parser.add_argument("--log_interval", type=int, default=100)
    return parser.parse_args()


def main():
    args = parse_args()
    root = Path(args.save_path)
    root.mkdir(parents=True, exist_ok=True)
    writer = SummaryWriter(str(root))

    netG = Generator(args.n_mel_channels, args.ngf, args.n_residual_layers).cuda()
    netD = Discriminator(args.num_D, args.ndf, args.n_layers_D, args.downsamp_factor).cuda()
    fft = Audio2Mel(n_mel_channels=args.n_mel_channels).cuda()

    optG = torch.optim.Adam(netG.parameters(), lr=1e-4, betas=(0.5, 0.9))
    optD = torch.optim.Adam(netD.parameters(), lr=1e-4, betas=(0.5, 0.9))

    train_set = AudioDataset(Path(args.data_path) / "train_files.txt", args.seq_len, sampling_rate=22050)
    train_loader = DataLoader(train_set, batch_size=args.batch_size, num_workers=4)

    costs = []
    start = time.time()
    torch.backends.cudnn.benchmark = True
    steps = 0
    for epoch in range(1, args.epochs + 1):
        for iterno, x_t in enumerate(train_loader):
            x_t = x_t.cuda()
            s_t = fft(x_t).detach()
            x_pred_t = netG(s_t.cuda())

            with torch.no_grad():
                s_pred_t = fft(x_pred_t.detach())
                s_error = F.l1_loss(s_t, s_pred_t).item()

            # Train Discriminator
            D_fake_det = netD(x_pred_t.cuda().detach())
            D_real = netD(x_t.cuda())
            loss_D = 0
            for scale in D_fake_det:
                loss_D += F.relu(1 + scale[-1]).mean()
            for scale in D_real:
                loss_D += F.relu(1 - scale[-1]).mean()
            netD.zero_grad()
            loss_D.backward()
            optD.step()

            # Train Generator
            D_fake = netD(x_pred_t.cuda())
            loss_G = 0
            for scale in D_fake:
                loss_G += -scale[-1].mean()
            loss_feat = 0
            feat_weights = 4.0 / (args.n_layers_D + 1)
            D_weights = 1.0 / args.num_D
            wt = D_weights * feat_weights
            for i in range(args.num_D):
                for j in range(len(D_fake[i]) - 1):
                    loss_feat += wt * F.l1_loss(D_fake[i][j], D_real[i][j].detach())
            netG.zero_grad()
            (loss_G + args.lambda_feat * loss_feat).backward()
            optG.step()

            costs.append([loss_D.item(), loss_G.item(), loss_feat.item(), s_error])
            writer.add_scalar("loss/discriminator", costs[-1][0], steps)
            writer.add_scalar("loss/generator", costs[-1][1], steps)
            writer.add_scalar("loss/feature_matching", costs[-1][2], steps)
            steps += 1
            if steps % args.log_interval == 0:
                print("Epoch {} | Iters {} | ms/batch {:5.2f}".format(
                    epoch, iterno, 1000 * (time.time() - start) / args.log_interval))
                costs = []
                start = time.time()


if __name__ == "__main__":
    main()
