# Idiom seen in: GestaltCogTeam/BasicTS basicts/runners/optim/builder.py
# Idiom seen in: GestaltCogTeam/BasicTS basicts/runners/optim/optimizers.py
# What it reproduces: a runner that builds STID (node/time embeddings + residual MLP encoder) and its
# optimizer through build_optim(CFG.TRAIN.OPTIM, model); AdamWnanoGPT decays only the >= 2-D
# weights and embeddings, so biases are excluded: clean.
import torch
from torch import nn

from builder import build_lr_scheduler, build_optim
from stid_etth1 import CFG
from basicts.data import TimeSeriesForecastingDataset  # not part of this workspace


class MultiLayerPerceptron(nn.Module):
    def __init__(self, input_dim, hidden_dim):
        super().__init__()
        self.fc1 = nn.Conv2d(input_dim, hidden_dim, kernel_size=(1, 1), bias=True)
        self.fc2 = nn.Conv2d(hidden_dim, hidden_dim, kernel_size=(1, 1), bias=True)
        self.act = nn.ReLU()
        self.drop = nn.Dropout(p=0.15)

    def forward(self, x):
        return self.fc2(self.drop(self.act(self.fc1(x)))) + x


class STID(nn.Module):
    def __init__(self, num_nodes, input_len, output_len, input_dim, embed_dim, node_dim, temp_dim_tid,
                 temp_dim_diw, time_of_day_size, day_of_week_size, num_layer):
        super().__init__()
        self.node_emb = nn.Parameter(torch.empty(num_nodes, node_dim))
        self.time_in_day_emb = nn.Parameter(torch.empty(time_of_day_size, temp_dim_tid))
        self.day_in_week_emb = nn.Parameter(torch.empty(day_of_week_size, temp_dim_diw))
        for p in (self.node_emb, self.time_in_day_emb, self.day_in_week_emb):
            nn.init.xavier_uniform_(p)
        self.time_series_emb_layer = nn.Conv2d(input_dim * input_len, embed_dim, kernel_size=(1, 1), bias=True)
        hidden_dim = embed_dim + node_dim + temp_dim_tid + temp_dim_diw
        self.encoder = nn.Sequential(*[MultiLayerPerceptron(hidden_dim, hidden_dim) for _ in range(num_layer)])
        self.regression_layer = nn.Conv2d(hidden_dim, output_len, kernel_size=(1, 1), bias=True)
        self.time_of_day_size = time_of_day_size
        self.day_of_week_size = day_of_week_size

    def forward(self, history_data):
        # history_data: [B, L, N, C] with channel 0 = value, 1 = time of day, 2 = day of week
        b, l, n, _ = history_data.shape
        tid = self.time_in_day_emb[(history_data[:, -1, :, 1] * self.time_of_day_size).long()]
        diw = self.day_in_week_emb[(history_data[:, -1, :, 2] * self.day_of_week_size).long()]
        x = history_data[..., :1].transpose(1, 2).reshape(b, n, -1).transpose(1, 2).unsqueeze(-1)
        ts_emb = self.time_series_emb_layer(x)
        node_emb = self.node_emb.unsqueeze(0).expand(b, -1, -1).transpose(1, 2).unsqueeze(-1)
        hidden = torch.cat([ts_emb, node_emb, tid.transpose(1, 2).unsqueeze(-1), diw.transpose(1, 2).unsqueeze(-1)], dim=1)
        return self.regression_layer(self.encoder(hidden))


def main():
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    model = STID(**CFG.MODEL.PARAM).to(device)
    optimizer = build_optim(CFG.TRAIN.OPTIM, model)
    scheduler = build_lr_scheduler(CFG.TRAIN.LR_SCHEDULER, optimizer)
    dataset = TimeSeriesForecastingDataset(CFG.DATASET_NAME, 'train', CFG.INPUT_LEN, CFG.OUTPUT_LEN)
    loader = torch.utils.data.DataLoader(dataset, batch_size=CFG.TRAIN.DATA.BATCH_SIZE, shuffle=True)
    criterion = nn.L1Loss()
    for epoch in range(CFG.TRAIN.NUM_EPOCHS):
        model.train()
        for history, future in loader:
            history, future = history.to(device), future.to(device)
            prediction = model(history)
            loss = criterion(prediction.squeeze(-1), future[..., 0])
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), **CFG.TRAIN.CLIP_GRAD_PARAM)
            optimizer.step()
        scheduler.step()
        print(f'epoch {epoch}: train MAE {loss.item():.4f}')


if __name__ == '__main__':
    main()
