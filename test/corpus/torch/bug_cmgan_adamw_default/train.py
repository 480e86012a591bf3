# Idiom seen in: ruizhecao96/CMGAN src/train.py
# What it reproduces: speech-enhancement GAN trainer (DDP, metric discriminator) building
#   torch.optim.AdamW(self.model.parameters(), lr=...) and AdamW(self.discriminator.parameters(), ...) with no
#   weight_decay keyword: AdamW's default 0.01 decays every InstanceNorm/PReLU/bias parameter of both nets (WD203).
import argparse
import logging
import os

import torch
import torch.multiprocessing as mp
import torch.nn.functional as F
from torch.distributed import destroy_process_group, init_process_group
from torch.nn.parallel import DistributedDataParallel as DDP

from data import dataloader
from models import discriminator
from models.generator import TSCNet
from utils import power_compress, power_uncompress

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=120)
parser.add_argument("--batch_size", type=int, default=4)
parser.add_argument("--log_interval", type=int, default=500)
parser.add_argument("--decay_epoch", type=int, default=30)
parser.add_argument("--init_lr", type=float, default=5e-4)
parser.add_argument("--cut_len", type=int, default=16000 * 2)
parser.add_argument("--data_dir", type=str, default='dir to VCTK-DEMAND dataset')
parser.add_argument("--save_model_dir", type=str, default='./saved_model')
parser.add_argument("--loss_weights", type=list, default=[0.1, 0.9, 0.2, 0.05])
args = parser.parse_args()
logging.basicConfig(level=logging.INFO)


def ddp_setup(rank, world_size):
    os.environ["MASTER_ADDR"] = "localhost"
    os.environ["MASTER_PORT"] = "12355"
    init_process_group(backend="nccl", rank=rank, world_size=world_size)


class Trainer:
    def __init__(self, train_ds, test_ds, gpu_id: int):
        self.n_fft = 400
        self.hop = 100
        self.train_ds = train_ds
        self.test_ds = test_ds
        self.model = TSCNet(num_channel=64, num_features=self.n_fft // 2 + 1).cuda()
        self.discriminator = discriminator.Discriminator(ndf=16).cuda()
        self.optimizer = torch.optim.AdamW(self.model.parameters(), lr=args.init_lr)  # expect: WD203
        self.optimizer_disc = torch.optim.AdamW(self.discriminator.parameters(), lr=2 * args.init_lr)  # expect: WD203
        self.model = DDP(self.model, device_ids=[gpu_id])
        self.discriminator = DDP(self.discriminator, device_ids=[gpu_id])
        self.gpu_id = gpu_id

    def spec(self, wav):
        window = torch.hamming_window(self.n_fft).to(self.gpu_id)
        return power_compress(torch.stft(wav, self.n_fft, self.hop, window=window, onesided=True))

    def train_step(self, batch):
        clean, noisy = batch[0].to(self.gpu_id), batch[1].to(self.gpu_id)
        one_labels = torch.ones(args.batch_size).to(self.gpu_id)
        self.optimizer.zero_grad()
        noisy_spec = self.spec(noisy).permute(0, 1, 3, 2)
        clean_spec = self.spec(clean)
        clean_real, clean_imag = clean_spec[:, 0].unsqueeze(1), clean_spec[:, 1].unsqueeze(1)

        est_real, est_imag = self.model(noisy_spec)
        est_real, est_imag = est_real.permute(0, 1, 3, 2), est_imag.permute(0, 1, 3, 2)
        est_mag = torch.sqrt(est_real ** 2 + est_imag ** 2)
        clean_mag = torch.sqrt(clean_real ** 2 + clean_imag ** 2)

        gen_loss_gan = F.mse_loss(self.discriminator(clean_mag, est_mag).flatten(), one_labels.float())
        loss_mag = F.mse_loss(est_mag, clean_mag)
        loss_ri = F.mse_loss(est_real, clean_real) + F.mse_loss(est_imag, clean_imag)
        est_audio = torch.istft(power_uncompress(est_real, est_imag).squeeze(1), self.n_fft, self.hop,
                                window=torch.hamming_window(self.n_fft).to(self.gpu_id), onesided=True)
        time_loss = torch.mean(torch.abs(est_audio - clean))
        w = args.loss_weights
        loss = w[0] * loss_ri + w[1] * loss_mag + w[2] * time_loss + w[3] * gen_loss_gan
        loss.backward()
        self.optimizer.step()

        pesq_score = discriminator.batch_pesq(list(clean.cpu().numpy()), list(est_audio.detach().cpu().numpy()))
        if pesq_score is not None:
            self.optimizer_disc.zero_grad()
            d_enh = self.discriminator(clean_mag, est_mag.detach())
            d_max = self.discriminator(clean_mag, clean_mag)
            disc_loss = F.mse_loss(d_max.flatten(), one_labels) + F.mse_loss(d_enh.flatten(), pesq_score)
            disc_loss.backward()
            self.optimizer_disc.step()
        else:
            disc_loss = torch.tensor([0.])
        return loss.item(), disc_loss.item()

    def train(self):
        scheduler_g = torch.optim.lr_scheduler.StepLR(self.optimizer, step_size=args.decay_epoch, gamma=0.5)
        scheduler_d = torch.optim.lr_scheduler.StepLR(self.optimizer_disc, step_size=args.decay_epoch, gamma=0.5)
        for epoch in range(args.epochs):
            self.model.train()
            self.discriminator.train()
            for idx, batch in enumerate(self.train_ds):
                loss, disc_loss = self.train_step(batch)
                if (idx + 1) % args.log_interval == 0:
                    logging.info('GPU: {}, Epoch {}, Step {}, loss: {}, disc_loss: {}'.format(
                        self.gpu_id, epoch, idx + 1, loss, disc_loss))
            if self.gpu_id == 0:
                os.makedirs(args.save_model_dir, exist_ok=True)
                torch.save(self.model.module.state_dict(),
                           os.path.join(args.save_model_dir, 'CMGAN_epoch_' + str(epoch)))
            scheduler_g.step()
            scheduler_d.step()


def main(rank: int, world_size: int, args):
    ddp_setup(rank, world_size)
    train_ds, test_ds = dataloader.load_data(args.data_dir, args.batch_size, 2, args.cut_len)
    trainer = Trainer(train_ds, test_ds, rank)
    trainer.train()
    destroy_process_group()


if __name__ == '__main__':
    world_size = torch.cuda.device_count()
    mp.spawn(main, args=(world_size, args), nprocs=world_size)
