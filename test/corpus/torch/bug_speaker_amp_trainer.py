# Idiom seen in: clovaai/voxceleb_trainer SpeakerNet.py (ModelTrainer.train_network with the mixedprec / GradScaler branch)
# What it reproduces: a speaker-embedding trainer with an explicit L2 on the embedding network's weight matrices; the fp32 branch back-propagates nloss + reg, but the mixed-precision branch computes reg inside autocast and then scales only nloss, so with --mixedprec the decay never reaches the gradients (it is only logged). Bug (WD104).
import argparse

import torch
import torch.nn as nn
from torch.amp import GradScaler, autocast
from tqdm import tqdm

from DatasetLoader import get_data_loader
from loss.aamsoftmax import LossFunction
from models.ResNetSE34V2 import MainModel


def embedding_l2(module):
    return sum(p.pow(2).sum() for n, p in module.named_parameters() if n.endswith("weight") and p.dim() > 1)


class SpeakerNet(nn.Module):
    def __init__(self, nOut, nClasses, nPerSpeaker=1, **kwargs):
        super().__init__()
        self.__S__ = MainModel(nOut=nOut, **kwargs)
        self.__L__ = LossFunction(nOut=nOut, nClasses=nClasses, **kwargs)
        self.nPerSpeaker = nPerSpeaker

    def forward(self, data, label=None):
        outp = self.__S__(data.reshape(-1, data.size()[-1]))
        if label is None:
            return outp
        outp = outp.reshape(self.nPerSpeaker, -1, outp.size()[-1]).transpose(1, 0).squeeze(1)
        return self.__L__(outp, label)


class ModelTrainer:
    def __init__(self, speaker_model, lr, l2_reg, test_interval, mixedprec, gpu=0):
        self.__model__ = speaker_model
        self.__optimizer__ = torch.optim.Adam(self.__model__.parameters(), lr=lr)
        self.__scheduler__ = torch.optim.lr_scheduler.StepLR(self.__optimizer__, step_size=test_interval, gamma=0.95)
        self.scaler = GradScaler("cuda")
        self.l2_reg = l2_reg
        self.mixedprec = mixedprec
        self.device = torch.device(f"cuda:{gpu}")

    def train_network(self, loader, verbose=True):
        self.__model__.train()
        counter, loss, top1, reg_total = 0, 0.0, 0.0, 0.0
        with tqdm(loader, unit="batch", disable=not verbose) as tepoch:
            for data, data_label in tepoch:
                data = data.transpose(1, 0).to(self.device)
                label = torch.LongTensor(data_label).to(self.device)
                self.__model__.zero_grad()

                if self.mixedprec:
                    with autocast("cuda"):
                        nloss, prec1 = self.__model__(data, label)
                        reg = self.l2_reg * embedding_l2(self.__model__.__S__)  # expect: WD104
                    self.scaler.scale(nloss).backward()
                    self.scaler.step(self.__optimizer__)
                    self.scaler.update()
                else:
                    nloss, prec1 = self.__model__(data, label)
                    reg = self.l2_reg * embedding_l2(self.__model__.__S__)
                    (nloss + reg).backward()
                    self.__optimizer__.step()

                loss += nloss.detach().cpu().item()
                top1 += prec1.detach().cpu().item()
                reg_total += reg.detach().cpu().item()
                counter += 1
                tepoch.set_postfix(loss=loss / counter, reg=reg_total / counter, acc=top1 / counter)
        self.__scheduler__.step()
        return loss / counter, top1 / counter


def main():
    parser = argparse.ArgumentParser(description="SpeakerNet")
    parser.add_argument("--train_list", type=str, default="data/train_list.txt")
    parser.add_argument("--nOut", type=int, default=512)
    parser.add_argument("--nClasses", type=int, default=5994)
    parser.add_argument("--lr", type=float, default=0.001)
    parser.add_argument("--l2_reg", type=float, default=5e-5)
    parser.add_argument("--test_interval", type=int, default=10)
    parser.add_argument("--max_epoch", type=int, default=500)
    parser.add_argument("--mixedprec", dest="mixedprec", action="store_true")
    args = parser.parse_args()

    model = SpeakerNet(args.nOut, args.nClasses).cuda()
    trainer = ModelTrainer(model, args.lr, args.l2_reg, args.test_interval, args.mixedprec)
    loader = get_data_loader(args.train_list, batch_size=200)
    for epoch in range(1, args.max_epoch + 1):
        loss, acc = trainer.train_network(loader)
        print(f"Epoch {epoch}, TEER/TAcc {acc:.2f}, TLOSS {loss:.5f}")


if __name__ == "__main__":
    main()
