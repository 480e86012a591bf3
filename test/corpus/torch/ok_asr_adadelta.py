# Idiom seen in: xunweiyee/End-to-end-ASR-Pytorch experiment_results.md
# What it reproduces: LAS/CTC ASR Solver configured by a dict (from yaml) whose optimizer is Adadelta lr=1.0
# with no weight decay; the CTC loss alone is minimized. Clean.
import torch
import torch.nn as nn

from src.data import load_dataset  # not in this workspace

config = {
    'hparas': {'optimizer': 'Adadelta', 'lr': 1.0, 'eps': 1e-8, 'valid_step': 5000, 'max_step': 200001},
    'model': {'ctc_weight': 1.0, 'input_dim': 40, 'encoder_dim': 320, 'vocab_size': 5000},
}


class CNNExtractor(nn.Module):
    def __init__(self, input_dim, out_dim):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(1, 32, 3, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(32, 32, 3, stride=2, padding=1), nn.ReLU())
        self.proj = nn.Linear(32 * ((input_dim + 3) // 4), out_dim)

    def forward(self, feat):
        x = self.conv(feat.unsqueeze(1))
        b, c, t, f = x.shape
        return self.proj(x.permute(0, 2, 1, 3).reshape(b, t, c * f))


class ASR(nn.Module):
    def __init__(self, input_dim, encoder_dim, vocab_size):
        super().__init__()
        self.extractor = CNNExtractor(input_dim, encoder_dim)
        self.rnn = nn.LSTM(encoder_dim, encoder_dim, num_layers=3, bidirectional=True, batch_first=True)
        self.ctc_layer = nn.Linear(2 * encoder_dim, vocab_size)

    def forward(self, feat):
        h, _ = self.rnn(self.extractor(feat))
        return self.ctc_layer(h).log_softmax(-1)


class Solver:
    def __init__(self, config):
        self.config = config
        m = config['model']
        self.model = ASR(m['input_dim'], m['encoder_dim'], m['vocab_size'])
        hp = config['hparas']
        opt_cls = getattr(torch.optim, hp['optimizer'])
        self.optimizer = opt_cls(self.model.parameters(), lr=hp['lr'], eps=hp['eps'])
        self.ctc_loss = nn.CTCLoss(blank=0, zero_infinity=True)
        self.tr_set, self.dv_set = load_dataset('librispeech', batch_size=16)

    def exec(self):
        step = 0
        while step < self.config['hparas']['max_step']:
            for feat, feat_len, txt, txt_len in self.tr_set:
                log_probs = self.model(feat)
                loss = self.ctc_loss(log_probs.transpose(0, 1), txt, feat_len // 4, txt_len)
                self.optimizer.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(self.model.parameters(), 5.0)
                self.optimizer.step()
                step += 1
                if step % self.config['hparas']['valid_step'] == 0:
                    print('step', step, 'ctc loss', loss.item())


if __name__ == '__main__':
    Solver(config).exec()
