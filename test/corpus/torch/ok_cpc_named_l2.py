# Idiom seen in: bshall/VectorQuantizedCPC train.py
# What it reproduces: the VQ-VAE speech model trained with Adam and a MultiStepLR; the L2 on the weight
#   matrices is written by hand over named_parameters() (biases and norm layers skipped) and summed into the
#   loss that is backpropagated, and the optimizer has no weight_decay of its own: clean.
import argparse

import torch
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader

from dataset import SpeechDataset
from model import Decoder, Encoder


def weight_l2(modules, skip=('bias', 'norm', 'embedding')):
    total = 0.0
    for module in modules:
        for name, param in module.named_parameters():
            if any(s in name for s in skip):
                continue
            total = total + param.pow(2).sum()
    return total


def main(args):
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    encoder = Encoder(in_channels=80, channels=768, n_embeddings=512, embedding_dim=64).to(device)
    decoder = Decoder(in_channels=64, conditioning_channels=128, n_speakers=102).to(device)

    optimizer = optim.Adam(list(encoder.parameters()) + list(decoder.parameters()), lr=args.lr)
    scheduler = optim.lr_scheduler.MultiStepLR(optimizer, milestones=[300000, 400000], gamma=0.5)

    loader = DataLoader(SpeechDataset(root=args.data_root, hop_length=160, sr=16000, sample_frames=32),
                        batch_size=args.batch_size, shuffle=True, num_workers=8, drop_last=True)
    step = 0
    while step < args.n_steps:
        for audio, mels, speakers in loader:
            audio, mels, speakers = audio.to(device), mels.to(device), speakers.to(device)
            optimizer.zero_grad()
            z, vq_loss, perplexity = encoder(mels)
            output = decoder(audio[:, :-1], z, speakers)
            recon_loss = F.cross_entropy(output.transpose(1, 2), audio[:, 1:])
            l2 = weight_l2([encoder, decoder])
            loss = recon_loss + vq_loss + args.l2 * l2
            loss.backward()
            torch.nn.utils.clip_grad_norm_(list(encoder.parameters()) + list(decoder.parameters()), 1)
            optimizer.step()
            scheduler.step()
            step += 1


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--data_root', default='datasets/2019/english')
    parser.add_argument('--lr', type=float, default=4e-4)
    parser.add_argument('--l2', type=float, default=1e-6)
    parser.add_argument('--batch_size', type=int, default=52)
    parser.add_argument('--n_steps', type=int, default=500000)
    main(parser.parse_args())
