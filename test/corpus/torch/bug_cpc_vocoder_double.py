# Idiom seen in: bshall/VectorQuantizedCPC train_vocoder.py
# What it reproduces: the WaveRNN-style vocoder trained with Adam; a user kept an explicit L2 over the
#   vocoder's weights in the loss AND gave Adam a weight_decay (the repo has neither): each weight is decayed
#   twice, the optimizer's part as coupled L2 under Adam, and the optimizer's decay reaches the biases too.
import hydra
import torch
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader

from dataset import WavDataset
from model import Vocoder


def l2_penalty(model):
    penalty = 0.0
    for name, param in model.named_parameters():
        if 'weight' in name:
            penalty = penalty + torch.norm(param, 2) ** 2
    return penalty


@hydra.main(config_path="config/train_vocoder.yaml")
def train_model(cfg):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    decoder = Vocoder(**cfg.model.vocoder).to(device)

    optimizer = optim.Adam(decoder.parameters(),  # expect: WD203
                           lr=cfg.training.optimizer.lr,
                           weight_decay=1e-5)  # expect: WD202
    scheduler = optim.lr_scheduler.MultiStepLR(optimizer, milestones=cfg.training.scheduler.milestones,
                                               gamma=cfg.training.scheduler.gamma)
    dataset = WavDataset(root=cfg.dataset.path, hop_length=cfg.preprocessing.hop_length,
                         sr=cfg.preprocessing.sr, sample_frames=cfg.training.sample_frames)
    dataloader = DataLoader(dataset, batch_size=cfg.training.batch_size, shuffle=True,
                            num_workers=cfg.training.n_workers, pin_memory=True, drop_last=True)

    for epoch in range(1, cfg.training.n_epochs + 1):
        for audio, mels, speakers in dataloader:
            audio, mels, speakers = audio.to(device), mels.to(device), speakers.to(device)
            optimizer.zero_grad()
            output = decoder(audio[:, :-1], mels, speakers)
            loss = F.cross_entropy(output.transpose(1, 2), audio[:, 1:])
            loss = loss + 1e-6 * l2_penalty(decoder)  # expect: WD201
            loss.backward()
            optimizer.step()
            scheduler.step()


if __name__ == "__main__":
    train_model()
