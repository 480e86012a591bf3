# Idiom seen in: codertimo/BERT-pytorch bert_pytorch/trainer/pretrain.py
# Idiom seen in: codertimo/BERT-pytorch bert_pytorch/__main__.py
# What it reproduces: BERTTrainer builds Adam(model.parameters(), weight_decay=0.01) from --adam_weight_decay;
#   the real repo shipped this coupled L2 on all params incl. LayerNorm/bias before switching to AdamW.
import torch
import torch.nn as nn
from torch.optim import Adam

from model import BERTLM


class BERTTrainer:
    def __init__(self, bert, vocab_size, train_dataloader, test_dataloader=None,
                 lr: float = 1e-4, betas=(0.9, 0.999), weight_decay: float = 0.01,
                 with_cuda: bool = True, log_freq: int = 10):
        cuda_condition = torch.cuda.is_available() and with_cuda
        self.device = torch.device("cuda:0" if cuda_condition else "cpu")
        self.bert = bert
        self.model = BERTLM(bert, vocab_size).to(self.device)
        if torch.cuda.device_count() > 1:
            self.model = nn.DataParallel(self.model)
        self.train_data = train_dataloader
        self.test_data = test_dataloader

        # Setting the Adam optimizer with hyper-param
        self.optim = Adam(self.model.parameters(), lr=lr, betas=betas, weight_decay=weight_decay)  # expect: WD202, WD203
        self.criterion = nn.NLLLoss(ignore_index=0)
        self.log_freq = log_freq

    def train(self, epoch):
        self.iteration(epoch, self.train_data)

    def test(self, epoch):
        with torch.no_grad():
            self.iteration(epoch, self.test_data, train=False)

    def iteration(self, epoch, data_loader, train=True):
        avg_loss = 0.0
        for i, data in enumerate(data_loader):
            data = {key: value.to(self.device) for key, value in data.items()}
            next_sent_output, mask_lm_output = self.model.forward(data["bert_input"], data["segment_label"])
            next_loss = self.criterion(next_sent_output, data["is_next"])
            mask_loss = self.criterion(mask_lm_output.transpose(1, 2), data["bert_label"])
            loss = next_loss + mask_loss
            if train:
                self.optim.zero_grad()
                loss.backward()
                self.optim.step()
            avg_loss += loss.item()
            if i % self.log_freq == 0:
                print({"epoch": epoch, "iter": i, "avg_loss": avg_loss / (i + 1), "loss": loss.item()})

    def save(self, epoch, file_path="output/bert_trained.model"):
        output_path = file_path + ".ep%d" % epoch
        torch.save(self.bert.cpu(), output_path)
        self.bert.to(self.device)
        return output_path
